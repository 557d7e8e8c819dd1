package dev.blink.pg.internal.encode;

/**
 * A column's PostgreSQL type as read from the catalog: its own name and OID, the kind it is
 * written as (a domain's base kind), and for arrays and ranges the element or subtype.
 */
public final class PgType {

    final int oid;
    final String schema;
    final String name;
    final Kind kind;
    /** The type a domain is over, or null. */
    final PgType base;
    /** For arrays (after domains): the declared element type (its OID goes into the array). */
    final PgType element;
    /** For ranges: the subtype. */
    final PgType subtype;
    /** The delimiter between array elements in the text form ({@code typdelim}: ',' for all but box). */
    final char delimiter;

    /**
     * @param delimiter {@code typdelim} of this type (used when it is an array's element type)
     */
    public PgType(int oid, String schema, String name, Kind kind, PgType base, PgType element, PgType subtype,
                  char delimiter) {
        this.oid = oid;
        this.schema = schema;
        this.name = name;
        this.kind = kind;
        this.base = base;
        this.element = element;
        this.subtype = subtype;
        this.delimiter = delimiter;
    }

    /** How values are written. */
    public Kind kind() {
        return kind;
    }

    /** For arrays, the element type; else null. */
    public PgType element() {
        return element;
    }

    /** For ranges, the subtype; else null. */
    public PgType subtype() {
        return subtype;
    }

    /** For messages: {@code int4}, {@code int4[]}, {@code email (domain over text)}, {@code public.mood (enum)}. */
    public String display() {
        String own = "pg_catalog".equals(schema) || "public".equals(schema) ? name : schema + "." + name;
        if (element != null && base == null) {
            return element.display() + "[]";
        }
        if (base != null) {
            return own + " (domain over " + base.display() + ")";
        }
        if (kind == Kind.ENUM) {
            return own + " (enum)";
        }
        return own;
    }

    /** The name a {@code PgEncoder} is matched against: {@code typname}, or {@code schema.typname}. */
    boolean named(String typeName) {
        return typeName.equals(name) || typeName.equals(schema + "." + name);
    }

    @Override
    public String toString() {
        return display();
    }
}
