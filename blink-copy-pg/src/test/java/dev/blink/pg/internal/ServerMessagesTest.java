package dev.blink.pg.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The pinned pgjdbc lets Blink read the server's messages during a COPY (else errors would wait for its end). */
class ServerMessagesTest {

    @Test
    void findsTheDriversReadOfCopyMessages() {
        assertTrue(ServerMessages.available(), "pgjdbc's QueryExecutorImpl.readFromCopy or PGStream.pgInput moved; "
                + "update ServerMessages for this driver version");
    }
}
