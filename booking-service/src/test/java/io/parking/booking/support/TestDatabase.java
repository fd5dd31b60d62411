package io.parking.booking.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/** The local PostgreSQL server and the schema this test run owns. */
public final class TestDatabase {

  /** Server and database the tests use; PostgreSQL's default database, trust authentication. */
  public static final String URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

  public static final String USER = "postgres";

  /** Schema created by Flyway for this run and dropped when the Spring context closes. */
  public static final String SCHEMA =
      "booking_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  private TestDatabase() {}

  /** Fails with a message naming the server if PostgreSQL does not accept a connection. */
  public static void requireReachable() {
    try (Connection ignored = DriverManager.getConnection(URL, USER, "")) {
      // Connected: the server is up and accepts the test user.
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL is not reachable at "
              + URL
              + " as user "
              + USER
              + ": start the local PostgreSQL server before running the booking-service tests",
          e);
    }
  }
}
