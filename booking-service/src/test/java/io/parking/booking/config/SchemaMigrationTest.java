package io.parking.booking.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.parking.booking.support.IntegrationTest;
import io.parking.booking.support.TestDatabase;
import io.parking.booking.support.TestLots;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The context started, so Hibernate validated the entities against the migrated schema. */
class SchemaMigrationTest extends IntegrationTest {

  @Autowired private Flyway flyway;
  @Autowired private JdbcClient jdbc;

  @Test
  void flywayMigratesRunSchema() {
    List<String> tables =
        jdbc.sql(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = :schema"
                    + " ORDER BY table_name")
            .param("schema", TestDatabase.SCHEMA)
            .query(String.class)
            .list();

    assertThat(flyway.info().current().getVersion().getVersion()).isEqualTo("4");
    assertThat(flyway.info().pending()).isEmpty();
    assertThat(tables)
        .containsExactly(
            "bookings",
            "floors",
            "flyway_schema_history",
            "idempotency_keys",
            "lots",
            "outbox_events",
            "overstays",
            "processed_events",
            "spots",
            "unreserved_occupancies",
            "wrong_spot_suspicions");
  }

  @Test
  void bookingWindowCheckRejectsEndBeforeStart() {
    long spotId = TestLots.create(jdbc, 1).spot(0);

    Throwable thrown =
        catchThrowable(
            () ->
                jdbc.sql(
                        "INSERT INTO bookings (booking_id, spot_id, user_id, start_time, end_time,"
                            + " status) VALUES (gen_random_uuid(), :spotId, 'd', now(),"
                            + " now() - interval '1 hour', 'reserved')")
                    .param("spotId", spotId)
                    .update());

    assertThat(thrown).hasMessageContaining("bookings_window_ck");
  }
}
