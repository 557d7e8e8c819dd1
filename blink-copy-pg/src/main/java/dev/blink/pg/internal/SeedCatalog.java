package dev.blink.pg.internal;

import dev.blink.TableName;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The catalog entries of one seed's tables, read together in one round trip before the seed's
 * first step ({@link Catalog#readAll}), so that a table's COPY needs no catalog query of its own.
 * Each entry is taken once: the table's first COPY in the seed uses it, any later one (and any
 * table not read up front, or not found then: one that an earlier step creates) reads the catalog
 * itself, as does a table whose columns the entry lacks (one that an earlier step adds). Kept for
 * the seed only ({@link SeedCatalogs}), so DDL between seeds is always seen; DDL that a seed's own
 * callbacks run on its tables' existing columns is not.
 */
public final class SeedCatalog {

    /** No entries: every table reads the catalog itself. */
    public static final SeedCatalog NONE = new SeedCatalog(Map.of());

    private final Map<TableName, Catalog.Table> tables;

    private SeedCatalog(Map<TableName, Catalog.Table> tables) {
        this.tables = tables;
    }

    /** Reads {@code tables} from the catalog in one round trip. */
    static SeedCatalog read(Connection connection, List<TableName> tables) throws SQLException {
        return tables.isEmpty() ? NONE
                : new SeedCatalog(new ConcurrentHashMap<>(Catalog.readAll(connection, tables).found()));
    }

    /** The entry read for {@code table}, removed so that it serves one COPY; null if there is none. */
    Catalog.Table take(TableName table) {
        return tables.isEmpty() ? null : tables.remove(table);
    }
}
