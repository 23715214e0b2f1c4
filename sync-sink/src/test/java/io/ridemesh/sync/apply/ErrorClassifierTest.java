package io.ridemesh.sync.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.ridemesh.sync.ChangeRecordCodec.PoisonRecord;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorClassifierTest {

    @ParameterizedTest(name = "error {0} -> {2}")
    @CsvSource({
        "1213, 40001, RETRIABLE", // deadlock
        "1205, HY000, RETRIABLE", // lock wait timeout
        "2013, 08S01, RETRIABLE", // lost connection
        "1146, 42S02, PERMANENT", // unknown table
        "1406, 22001, PERMANENT", // data too long
        "1366, 22007, PERMANENT", // incorrect value
        // a missing grant (e.g. BINLOG REPLAY for apply's GTID domain) is an operator's to fix: retried, never
        // dead-lettered record by record
        "1227, 42000, RETRIABLE",
    })
    void classifiesMariaDbErrorsByCode(int code, String state, ErrorClassifier.Kind expected) {
        assertThat(ErrorClassifier.classify(new SQLException("x", state, code))).isEqualTo(expected);
    }

    @Test
    void walksTheCauseChain() {
        Exception wrapped = new RuntimeException(
                "batch failed", new IllegalStateException(new SQLException("deadlock", "40001", 1213)));
        assertThat(ErrorClassifier.classify(wrapped)).isEqualTo(ErrorClassifier.Kind.RETRIABLE);
    }

    @Test
    void transientJdbcExceptionsAreRetriable() {
        assertThat(ErrorClassifier.classify(new SQLTransientConnectionException("pool exhausted")))
                .isEqualTo(ErrorClassifier.Kind.RETRIABLE);
    }

    @Test
    void poisonRecordsAndUnknownTablesArePermanent() {
        assertThat(ErrorClassifier.classify(new PoisonRecord("not json", null)))
                .isEqualTo(ErrorClassifier.Kind.PERMANENT);
        assertThat(ErrorClassifier.classify(new ErrorClassifier.UnknownTable("x.y")))
                .isEqualTo(ErrorClassifier.Kind.PERMANENT);
    }

    @Test
    void bugsWithoutSqlCauseArePermanent() {
        assertThat(ErrorClassifier.classify(new NullPointerException())).isEqualTo(ErrorClassifier.Kind.PERMANENT);
    }
}
