package dev.blink.junit.internal;

import dev.blink.SeedResult;
import dev.blink.junit.Isolation;
import dev.blink.junit.SeedDataSource;
import dev.blink.junit.SeedDatabaseException;
import dev.blink.junit.Seeded;
import dev.blink.testkit.PostgresServer;
import dev.blink.testkit.TestDatabase;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * What one test class shares: its seed (if the class names one), where its databases are, and
 * the databases made for the whole class, dropped when the class is done.
 */
public final class ClassState implements AutoCloseable {

    private final Class<?> testClass;
    private final Optional<SeedSpec> spec;
    private final Optional<Member> dataSourceMember;
    private DataSource userDataSource;
    private Server server;
    private TestDatabase own;
    private Template.Copy copy;
    private Optional<SeedResult> copyResult = Optional.empty();
    private boolean closed;

    private ClassState(Class<?> testClass, Optional<SeedSpec> spec, Optional<Member> dataSourceMember) {
        this.testClass = testClass;
        this.spec = spec;
        this.dataSourceMember = dataSourceMember;
    }

    /**
     * Reads a test class's {@link Seeded} and {@link SeedDataSource}, on it, its superclasses or,
     * for an inner ({@code @Nested}) class, the classes around it.
     */
    public static ClassState of(Class<?> testClass) {
        Optional<SeedSpec> spec = Optional.empty();
        List<Member> members = new ArrayList<>();
        for (Class<?> c = testClass; c != null; c = c.isMemberClass() && !Modifier.isStatic(c.getModifiers())
                ? c.getEnclosingClass() : null) {
            if (spec.isEmpty()) {
                Class<?> on = c;
                spec = AnnotationSupport.findAnnotation(c, Seeded.class).map(seeded -> SeedSpec.of(seeded, on));
            }
            if (members.isEmpty()) {
                members.addAll(AnnotationSupport.findAnnotatedFields(c, SeedDataSource.class));
                members.addAll(AnnotationSupport.findAnnotatedMethods(c, SeedDataSource.class,
                        HierarchyTraversalMode.TOP_DOWN));
            }
        }
        if (members.size() > 1) {
            throw new SeedDatabaseException(testClass.getName() + " has " + members.size() + " @SeedDataSource members "
                    + members + "; keep one", null);
        }
        return new ClassState(testClass, spec, members.stream().findFirst());
    }

    /** The class's own seed, if it names one. */
    public Optional<SeedSpec> spec() {
        return spec;
    }

    /** The test class. */
    public Class<?> testClass() {
        return testClass;
    }

    /**
     * The database that rollback-mode tests of this class run in: the {@link SeedDataSource}'s, or
     * a new empty one on the test server, dropped after the class.
     */
    public synchronized DataSource rollbackDatabase() {
        DataSource user = userDataSource();
        if (user != null) {
            return user;
        }
        if (own == null) {
            own = PostgresServer.shared().createDatabase();
        }
        return own.dataSource();
    }

    /** Where copies are made: the {@link SeedDataSource}'s server or the test server. */
    public synchronized Server server() {
        if (server == null) {
            DataSource user = userDataSource();
            server = user == null ? Server.testServer() : Server.of(user);
        }
        return server;
    }

    /** With {@link Isolation#COPY_PER_CLASS}: the class's copy of its seed's template, made on first use. */
    public synchronized DataSource classCopy() {
        if (copy == null) {
            Template template = Templates.of(server(), spec.orElseThrow());
            copy = template.copy();
            copyResult = template.result();
        }
        return copy.dataSource();
    }

    /** With {@link Isolation#COPY_PER_CLASS}: the template's seed result. */
    public synchronized Optional<SeedResult> classCopyResult() {
        classCopy();
        return copyResult;
    }

    /** The class's database outside any test: its copy, or the rollback-mode database. */
    public DataSource classDatabase() {
        boolean copies = spec.map(s -> s.isolation() == Isolation.COPY_PER_CLASS).orElse(false);
        return copies ? classCopy() : rollbackDatabase();
    }

    /** Drops the class's copy and its own database. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (copy != null) {
                copy.close();
            }
        } finally {
            if (own != null) {
                own.close();
            }
        }
    }

    private DataSource userDataSource() {
        if (userDataSource == null && dataSourceMember.isPresent()) {
            userDataSource = readDataSource(dataSourceMember.get());
        }
        return userDataSource;
    }

    private static DataSource readDataSource(Member member) {
        String where = "@SeedDataSource " + member.getDeclaringClass().getName() + "." + member.getName();
        if (!Modifier.isStatic(member.getModifiers())) {
            throw new SeedDatabaseException(where + " must be static: it is read before the class's first test", null);
        }
        Object value;
        if (member instanceof Field field) {
            value = ReflectionSupport.tryToReadFieldValue(field, null).toOptional().orElse(null);
        } else {
            Method method = (Method) member;
            if (method.getParameterCount() != 0) {
                throw new SeedDatabaseException(where + " must take no parameters", null);
            }
            value = ReflectionSupport.invokeMethod(method, null);
        }
        if (!(value instanceof DataSource dataSource)) {
            throw new SeedDatabaseException(where + " gave " + (value == null ? "null" : value.getClass().getName())
                    + "; it must give a javax.sql.DataSource", null);
        }
        return dataSource;
    }
}
