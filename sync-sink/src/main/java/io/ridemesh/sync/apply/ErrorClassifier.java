package io.ridemesh.sync.apply;

import io.ridemesh.sync.ChangeRecordCodec.PoisonRecord;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Classifies an apply failure (STYLE 13): retriable failures (deadlock, lock wait timeout, lost
 * connection) are retried with backoff; permanent ones (poison record, unknown table, data that
 * does not fit) go to the dead-letter topic. Walks the cause chain. Stateless.
 */
final class ErrorClassifier {

    enum Kind {
        RETRIABLE,
        PERMANENT
    }

    /** MariaDB/MySQL error codes worth retrying. */
    private static final Set<Integer> RETRIABLE_CODES = Set.of(
            1205, // lock wait timeout
            1213, // deadlock
            1040, // too many connections
            1927, // connection killed
            2002, // cannot connect
            2006, // server gone away
            2013, // lost connection during query
            1053 // server shutdown in progress
            );

    /** Error codes of a record that can never apply here. */
    private static final Set<Integer> PERMANENT_CODES = Set.of(
            1146, // table does not exist
            1054, // unknown column
            1264, // out of range value
            1366, // incorrect value
            1406, // data too long
            1292, // truncated incorrect value
            1048, // column cannot be null
            1452 // foreign key fails
            );

    private ErrorClassifier() {}

    static Kind classify(Throwable error) {
        Throwable current = error;
        while (current != null) {
            if (current instanceof PoisonRecord || current instanceof UnknownTable) {
                return Kind.PERMANENT;
            }
            if (current instanceof SQLTransientException || current instanceof SQLRecoverableException) {
                return Kind.RETRIABLE;
            }
            if (current instanceof SQLException sql) {
                if (RETRIABLE_CODES.contains(sql.getErrorCode())) {
                    return Kind.RETRIABLE;
                }
                if (PERMANENT_CODES.contains(sql.getErrorCode())) {
                    return Kind.PERMANENT;
                }
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("40") || state.equals("HY000"))) {
                    return Kind.RETRIABLE;
                }
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        // An SQLException we do not know is retried (the database may recover); anything else is
        // a bug or malformed input that retrying cannot fix.
        return hasSqlCause(error) ? Kind.RETRIABLE : Kind.PERMANENT;
    }

    private static boolean hasSqlCause(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    /** A change record names a table this region does not have. */
    static final class UnknownTable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnknownTable(String table) {
            super("table " + table + " does not exist in this region");
        }
    }
}
