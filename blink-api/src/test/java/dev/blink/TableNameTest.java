package dev.blink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TableNameTest {

    @Test
    void parsesPlainAndQualifiedNames() {
        assertEquals(TableName.of("users"), TableName.parse("users"));
        assertEquals(TableName.of("public", "users"), TableName.parse("public.users"));
        assertEquals("\"public\".\"users\"", TableName.parse("public.users").toSql());
    }

    @Test
    void keepsCaseAndQuotesEveryIdentifier() {
        assertEquals("\"User\"", TableName.parse("User").toSql());
        assertEquals("\"order\"", TableName.parse("order").toSql());
    }

    @Test
    void readsQuotedPartsWithDotsAndDoubledQuotes() {
        TableName name = TableName.parse("\"my.schema\".\"say \"\"hi\"\"\"");
        assertEquals(TableName.of("my.schema", "say \"hi\""), name);
        assertEquals("\"my.schema\".\"say \"\"hi\"\"\"", name.toSql());
        assertEquals(name, TableName.parse(name.toString()));
    }

    @Test
    void cannotInjectSql() {
        TableName name = TableName.parse("users\"; DROP TABLE users; --");
        assertEquals("\"users\"\"; DROP TABLE users; --\"", name.toSql());
    }

    @Test
    void rejectsMalformedNames() {
        assertThrows(IllegalArgumentException.class, () -> TableName.parse(""));
        assertThrows(IllegalArgumentException.class, () -> TableName.parse("a.b.c"));
        assertThrows(IllegalArgumentException.class, () -> TableName.parse("\"open"));
        assertThrows(IllegalArgumentException.class, () -> TableName.parse("a."));
    }
}
