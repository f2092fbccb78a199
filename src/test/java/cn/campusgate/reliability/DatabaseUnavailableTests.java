package cn.campusgate.reliability;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import cn.campusgate.core.DatabaseUnavailable;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures mean "the database is unreachable" (503) and which are ordinary failures (their own status). */
class DatabaseUnavailableTests {

    @Test
    void connectionFailuresCountWhereverTheyAreWrapped() {
        assertThat(DatabaseUnavailable.causedBy(new CannotGetJdbcConnectionException("no connection",
                new SQLTransientConnectionException("campusgate - Connection is not available, request timed out")))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new CannotCreateTransactionException("begin"))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new ServletException("Request processing failed",
                new DataAccessResourceFailureException("I/O error")))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new InternalAuthenticationServiceException("lookup",
                new RuntimeException(new SQLException("the database system is starting up", "57P03"))))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new SQLException("terminating connection due to administrator command",
                "57P01"))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new SQLException("I/O error", "08006"))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new IOException(new ConnectException("Connection refused")))).isTrue();
    }

    @Test
    void aFailedRollbackThatHidesTheOutageStillCounts() {
        // What the db-restart drill met: the commit failed with 57P01, the pool closed the broken connection, the
        // rollback on it failed, and Spring threw only the rollback's failure.
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        assertThat(DatabaseUnavailable.causedBy(rollback)).isTrue();
        TransactionSystemException afterApplicationFailure = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        afterApplicationFailure.initApplicationException(new IllegalStateException("boom"));
        assertThat(DatabaseUnavailable.causedBy(afterApplicationFailure)).isTrue();
    }

    @Test
    void otherFailuresDoNot() {
        assertThat(DatabaseUnavailable.causedBy(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value", "23505")))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("boom"))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new TransactionSystemException("commit failed"))).isFalse();
    }
}
