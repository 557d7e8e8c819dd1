package dev.blink.pg.internal.encode;

/** How a PostgreSQL type is written; a domain takes its base type's kind. */
public enum Kind {
    BOOL("Boolean"),
    INT2("Short, Byte, or Integer, Long, BigInteger, BigDecimal within range"),
    INT4("Integer, Short, Byte, or Long, BigInteger, BigDecimal within range"),
    INT8("Long, Integer, Short, Byte, or BigInteger, BigDecimal within range"),
    OID("Long or Integer from 0 to 4294967295"),
    FLOAT4("Float, or Double, Long, Integer, Short, Byte, BigInteger, BigDecimal rounded once to the nearest float"),
    FLOAT8("Double, Float, or Long, Integer, Short, Byte, BigInteger, BigDecimal rounded once to the nearest double"),
    NUMERIC("BigDecimal, BigInteger, Long, Integer, Short, Byte, Double, Float"),
    /** text, varchar, bpchar and types whose binary and text input are text's own (citext). */
    TEXT("String, Character, CharSequence, or an enum (by name)"),
    NAME("String, Character, CharSequence, or an enum (by name)"),
    XML("String, CharSequence"),
    CHAR("Character below U+0080, or a String"),
    BYTEA("byte[] or ByteBuffer"),
    UUID("UUID"),
    DATE("LocalDate (MAX/MIN for ±infinity) or java.sql.Date"),
    TIME("LocalTime"),
    TIMETZ("OffsetTime"),
    TIMESTAMP("LocalDateTime (MAX/MIN for ±infinity), LocalDate or java.sql.Timestamp"),
    TIMESTAMPTZ("Instant, OffsetDateTime, ZonedDateTime (MAX/MIN for ±infinity), java.util.Date, "
            + "or LocalDateTime in the session's TimeZone"),
    INTERVAL("Duration or Period"),
    JSON("String (JSON text, as is), Map, List, array, record, Number, Boolean"),
    JSONB("String (JSON text, as is), Map, List, array, record, Number, Boolean"),
    INET("InetAddress"),
    CIDR("InetAddress"),
    MACADDR("byte[6]"),
    MACADDR8("byte[8] or byte[6]"),
    ENUM("an enum (by name) or String"),
    ARRAY("a Java array or List (nested for more dimensions)"),
    RANGE("a String in PostgreSQL's range form, e.g. [1,10)"),
    UNSUPPORTED("a String in the type's text form; for other Java types register a PgEncoder");

    private final String javaTypes;

    Kind(String javaTypes) {
        this.javaTypes = javaTypes;
    }

    /** The Java types that this kind takes, for messages; every kind also takes a String in text form. */
    String javaTypes() {
        return javaTypes;
    }

    /**
     * Whether a String is written in binary as it is, because the type's binary input reads the
     * same text as its input function does (text, enum labels, JSON). Strings for every other
     * kind are read by the server's input function, in a table sent as COPY text.
     */
    boolean takesStringInBinary() {
        return this == TEXT || this == ENUM || this == JSON || this == JSONB;
    }

    /** The kind of a type in pg_catalog, or null. */
    public static Kind ofBuiltIn(String name) {
        switch (name) {
            case "bool": return BOOL;
            case "int2": return INT2;
            case "int4": return INT4;
            case "int8": return INT8;
            case "oid": return OID;
            case "float4": return FLOAT4;
            case "float8": return FLOAT8;
            case "numeric": return NUMERIC;
            case "text": case "varchar": case "bpchar": return TEXT;
            case "name": return NAME;
            case "xml": return XML;
            case "char": return CHAR;
            case "bytea": return BYTEA;
            case "uuid": return UUID;
            case "date": return DATE;
            case "time": return TIME;
            case "timetz": return TIMETZ;
            case "timestamp": return TIMESTAMP;
            case "timestamptz": return TIMESTAMPTZ;
            case "interval": return INTERVAL;
            case "json": return JSON;
            case "jsonb": return JSONB;
            case "inet": return INET;
            case "cidr": return CIDR;
            case "macaddr": return MACADDR;
            case "macaddr8": return MACADDR8;
            default: return null;
        }
    }
}
