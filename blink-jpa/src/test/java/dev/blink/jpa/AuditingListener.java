package dev.blink.jpa;

import jakarta.persistence.PrePersist;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Field;
import java.time.Instant;

/**
 * Spring Data's {@code AuditingEntityListener} in small: on {@code @PrePersist} it sets the fields
 * annotated {@link CreatedDate}, {@link LastModifiedDate} and {@link CreatedBy}, from a fixed clock
 * and auditor so that two seeds give the same rows.
 */
public class AuditingListener {

    /** The instant every audited entity is created at. */
    static final Instant NOW = Instant.parse("2025-06-07T08:09:10.123456Z");
    /** The auditor. */
    static final String AUDITOR = "auditor@example.org";

    /** Like Spring Data's {@code @CreatedDate}. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    @interface CreatedDate {
    }

    /** Like Spring Data's {@code @LastModifiedDate}. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    @interface LastModifiedDate {
    }

    /** Like Spring Data's {@code @CreatedBy}. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    @interface CreatedBy {
    }

    @PrePersist
    public void touchForCreate(Object target) throws IllegalAccessException {
        for (Class<?> type = target.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.isAnnotationPresent(CreatedDate.class) || field.isAnnotationPresent(LastModifiedDate.class)) {
                    field.setAccessible(true);
                    field.set(target, NOW);
                } else if (field.isAnnotationPresent(CreatedBy.class)) {
                    field.setAccessible(true);
                    field.set(target, AUDITOR);
                }
            }
        }
        if (target instanceof CallbackGroup.Trail trail) {
            trail.step("auditing");
        }
    }
}
