package io.parking.notification.notification;

import static org.assertj.core.api.Assertions.assertThatNoException;

import io.parking.notification.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The migrations' check constraint on {@code notifications.kind} must list every {@link
 * NotificationKind}; a kind that it lacks fails each event of that kind only at run time.
 */
class NotificationKindSchemaTest extends IntegrationTest {

  @ParameterizedTest(name = "{0}")
  @EnumSource(NotificationKind.class)
  void schemaAcceptsKind(NotificationKind kind) {
    assertThatNoException()
        .isThrownBy(
            () ->
                jdbc.sql(
                        """
                        INSERT INTO notifications (notification_id, user_id, kind, message,
                                                   source_event_id, created_at)
                        VALUES (:id, :userId, :kind, 'schema check', :sourceId, :now)
                        """)
                    .param("id", UUID.randomUUID())
                    .param("userId", "schema-check-" + UUID.randomUUID())
                    .param("kind", kind.name())
                    .param("sourceId", UUID.randomUUID())
                    .param("now", Timestamp.from(Instant.now()))
                    .update());
  }
}
