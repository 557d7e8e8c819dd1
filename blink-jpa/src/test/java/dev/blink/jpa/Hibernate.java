package dev.blink.jpa;

import dev.blink.testkit.TestDatabase;
import jakarta.persistence.EntityManagerFactory;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/** Starts Hibernate on a test database, creating the schema (and writing its DDL, if asked). */
final class Hibernate {

    private Hibernate() {
    }

    static EntityManagerFactory start(TestDatabase database, Writer ddl, Class<?>... entities) {
        return start(database, ddl, Map.of(), entities);
    }

    static EntityManagerFactory start(TestDatabase database, Writer ddl, Map<String, Object> properties,
                                      Class<?>... entities) {
        return start(database, ddl, properties, List.of(), List.of(entities));
    }

    static EntityManagerFactory start(TestDatabase database, Writer ddl, Map<String, Object> properties,
                                      List<String> mappingFiles, List<Class<?>> entities) {
        HibernatePersistenceConfiguration configuration = new HibernatePersistenceConfiguration("blink-jpa-test")
                .managedClasses(entities)
                .mappingFiles(mappingFiles)
                .jdbcUrl(database.jdbcUrl())
                .jdbcCredentials(database.user(), database.password())
                .jdbcPoolSize(2)
                .property("jakarta.persistence.schema-generation.database.action", "drop-and-create")
                .property("hibernate.hbm2ddl.delimiter", ";")
                .property("hibernate.hbm2ddl.create_namespaces", true)
                .properties(properties);
        if (ddl != null) {
            configuration.property("jakarta.persistence.schema-generation.scripts.action", "create")
                    .property("jakarta.persistence.schema-generation.scripts.create-target", ddl);
        }
        return configuration.createEntityManagerFactory();
    }
}
