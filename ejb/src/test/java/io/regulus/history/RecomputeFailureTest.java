package io.regulus.history;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJBException;
import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The reason a failed recomputation gives: a lost database says to restart once it is back. */
class RecomputeFailureTest {

  @Test
  void aConnectionRefusedDeepInTheChainIsADatabaseLost() {
    Exception refused =
        new EJBException(
            new RuntimeException(
                "Exception [EclipseLink-4002]",
                new SQLException(
                    "Connection to 127.0.0.1:5432 refused",
                    "08001",
                    new ConnectException("Connection refused"))));
    assertThat(RecomputeFailure.databaseLost(refused)).isTrue();
    assertThat(RecomputeFailure.reason(refused, "acme"))
        .isEqualTo(
            "The database went away while recording tenant acme: restart this run once"
                + " PostgreSQL answers again; it records only the partitions that did not"
                + " finish.");
  }

  @Test
  void anAdministratorsShutdownIsADatabaseLost() {
    Exception shutdown =
        new RuntimeException(
            new SQLException(
                "FATAL: terminating connection due to administrator command", "57P01"));
    assertThat(RecomputeFailure.databaseLost(shutdown)).isTrue();
    assertThat(RecomputeFailure.databaseLost(new RuntimeException(new ConnectException())))
        .isTrue();
  }

  @Test
  void anyOtherFailureNamesItsRootCauseAndStaysShort() {
    Exception broken =
        new RuntimeException(
            "wrapped",
            new SQLException(
                "ERROR: relation \"score_snapshot\" does not exist\n  Position: 13", "42P01"));
    assertThat(RecomputeFailure.databaseLost(broken)).isFalse();
    assertThat(RecomputeFailure.reason(broken, "acme"))
        .isEqualTo(
            "Failed while recording tenant acme (SQLException: ERROR: relation \"score_snapshot\""
                + " does not exist); fix the cause, then restart this run.");
    String longMessage = "x".repeat(1000);
    assertThat(RecomputeFailure.reason(new IllegalStateException(longMessage), null))
        .hasSize(RecomputeFailure.MAX_LENGTH)
        .startsWith("Failed (IllegalStateException: xxx")
        .endsWith("...");
  }
}
