package dev.blink.junit.internal;

import dev.blink.junit.SeedDatabaseException;
import dev.blink.testkit.PostgresServer;
import dev.blink.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.postgresql.ds.common.BaseDataSource;

/**
 * A PostgreSQL server on which the extension makes databases: templates (a copy of
 * {@link #source()}, then seeded) and the tests' copies of them. Every statement that creates or
 * drops a database runs on a short-lived connection to an administration database, never to the
 * database being copied, since {@code CREATE DATABASE … TEMPLATE} needs the template to have no
 * sessions at all.
 */
public final class Server {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static volatile Server testServer;

    private final String key;
    private final String description;
    private final BaseDataSource prototype;
    private final String source;
    private final String admin;

    private Server(String key, String description, BaseDataSource prototype, String source, String admin) {
        this.key = key;
        this.description = description;
        this.prototype = prototype;
        this.source = source;
        this.admin = admin;
    }

    /**
     * blink-testkit's test server. Templates start from {@code template0}; the extension works from
     * a scratch database of its own.
     */
    public static Server testServer() {
        Server server = testServer;
        if (server == null) {
            synchronized (Server.class) {
                server = testServer;
                if (server == null) {
                    TestDatabase scratch = PostgresServer.shared().createDatabase();
                    PGSimpleDataSource prototype = new PGSimpleDataSource();
                    prototype.setURL(scratch.jdbcUrl());
                    prototype.setUser(scratch.user());
                    prototype.setPassword(scratch.password());
                    server = new Server("test server", PostgresServer.shared().description(), prototype, "template0",
                            scratch.name());
                    Templates.dropAtExit(scratch::close);
                    testServer = server;
                }
            }
        }
        return server;
    }

    /**
     * The server of a user's DataSource; templates start from its database.
     *
     * @throws SeedDatabaseException if it is not pgjdbc's, or cannot connect
     */
    public static Server of(DataSource dataSource) {
        BaseDataSource base;
        try {
            base = dataSource.unwrap(BaseDataSource.class);
        } catch (SQLException e) {
            throw new SeedDatabaseException("The copy modes make databases and connect to them, which needs pgjdbc's "
                    + "DataSource, but @SeedDataSource gave " + dataSource.getClass().getName() + ". Give an "
                    + "org.postgresql.ds.PGSimpleDataSource with the same URL, user and password (it opens plain "
                    + "connections, which the copies need anyway), or use Isolation.ROLLBACK, which takes any DataSource",
                    e);
        }
        PGSimpleDataSource prototype = at(base, null);
        String database;
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT current_database()")) {
            rs.next();
            database = rs.getString(1);
        } catch (SQLException e) {
            throw new SeedDatabaseException("Could not connect to @SeedDataSource " + base.getURL() + ": "
                    + e.getMessage(), e);
        }
        String admin = reachable(prototype, "postgres") ? "postgres" : "template1";
        return new Server(base.getURL() + " from " + database, "server at " + base.getURL(), prototype, database, admin);
    }

    /** Names the server and the database templates start from, for template keys. */
    public String key() {
        return key;
    }

    /** The database that templates start as a copy of. */
    public String source() {
        return source;
    }

    /** A DataSource of plain (unpooled) connections to a database of this server. */
    public DataSource dataSource(String database) {
        return at(prototype, database);
    }

    /**
     * Creates a database as a copy of {@code template}.
     *
     * @return its name, {@code prefix} and a number unique in this JVM and process
     * @throws SeedDatabaseException with the fix when the server refuses
     */
    public String createDatabase(String prefix, String template) {
        String name = prefix + "_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        String sql = "CREATE DATABASE " + name + " TEMPLATE " + quote(template)
                + (template.equals("template0") ? " ENCODING 'UTF8'" : "");
        try (Connection connection = admin(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw refused("create database " + name + " as a copy of " + template, template, e);
        }
        return name;
    }

    /** Marks a seeded database as a template nobody may connect to. */
    public void sealTemplate(String name) {
        execute("ALTER DATABASE " + name + " WITH IS_TEMPLATE true ALLOW_CONNECTIONS false", "seal template " + name);
    }

    /** Drops a database made by {@link #createDatabase}, ending its sessions. */
    public void dropDatabase(String name) {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)", "drop database " + name);
    }

    /** Drops a database that {@link #sealTemplate} may have sealed. */
    public void dropTemplate(String name) {
        try (Connection connection = admin(); Statement statement = connection.createStatement()) {
            statement.execute("ALTER DATABASE " + name + " WITH IS_TEMPLATE false"); // a template cannot be dropped
        } catch (SQLException e) {
            if ("3D000".equals(e.getSQLState())) { // no such database: nothing to drop
                return;
            }
            throw refused("unmark template " + name, null, e);
        }
        dropDatabase(name);
    }

    @Override
    public String toString() {
        return description;
    }

    private void execute(String sql, String what) {
        try (Connection connection = admin(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw refused(what, null, e);
        }
    }

    private Connection admin() throws SQLException {
        return dataSource(admin).getConnection();
    }

    private SeedDatabaseException refused(String what, String template, SQLException e) {
        String state = String.valueOf(e.getSQLState());
        String fix;
        if (state.equals("42501")) {
            fix = "the account " + prototype.getUser() + " may not create databases: ALTER ROLE " + prototype.getUser()
                    + " CREATEDB, or use Isolation.ROLLBACK, which creates none";
        } else if (state.equals("55006") && template != null) {
            fix = "CREATE DATABASE … TEMPLATE needs no other session on " + template + ", and " + sessions(template)
                    + ": close the pools connected to it (a HikariDataSource, a Spring context) before the first "
                    + "test, or give @SeedDataSource a database nobody else uses";
        } else {
            fix = "the server refused";
        }
        return new SeedDatabaseException("Could not " + what + " on the " + description + ": " + fix + " ("
                + e.getMessage() + ") [SQLSTATE " + state + "]", e);
    }

    private String sessions(String database) {
        try (Connection connection = admin(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*), string_agg(DISTINCT coalesce(nullif("
                     + "application_name, ''), 'unnamed'), ', ') FROM pg_stat_activity WHERE datname = " + literal(database))) {
            rs.next();
            return rs.getLong(1) + " are connected (applications: " + rs.getString(2) + ")";
        } catch (SQLException e) {
            return "some are connected";
        }
    }

    private static PGSimpleDataSource at(BaseDataSource prototype, String database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(prototype.getURL());
        dataSource.setUser(prototype.getUser());
        dataSource.setPassword(prototype.getPassword());
        if (database != null) {
            dataSource.setDatabaseName(database);
        }
        return dataSource;
    }

    private static boolean reachable(BaseDataSource prototype, String database) {
        try (Connection connection = at(prototype, database).getConnection()) {
            return connection.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
