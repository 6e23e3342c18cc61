package io.regulus.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** PostgreSQL answers within 3 seconds and holds the tenant registry. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  @Resource(lookup = "jdbc/regulus")
  private DataSource dataSource;

  @Override
  public HealthCheckResponse call() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(3);
      statement.execute("SELECT count(*) FROM platform.tenant");
      return HealthCheckResponse.up("postgresql");
    } catch (SQLException e) {
      return HealthCheckResponse.named("postgresql")
          .down()
          .withData(
              "error", e.getSQLState() == null ? "unreachable" : "SQLState " + e.getSQLState())
          .build();
    }
  }
}
