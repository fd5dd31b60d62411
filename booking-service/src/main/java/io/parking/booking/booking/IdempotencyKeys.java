package io.parking.booking.booking;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code idempotency_keys} table. A request claims its key in the booking's transaction before
 * booking, so a concurrent request with the same key waits on the primary key until the first one
 * commits or rolls back.
 */
@Repository
class IdempotencyKeys {

  /** Length of the {@code idempotency_keys.key} column. */
  static final int MAX_KEY_LENGTH = 255;

  private final JdbcClient jdbc;

  IdempotencyKeys(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A key recorded by an earlier, committed request. */
  record Recorded(String requestHash, UUID bookingId) {}

  /**
   * Claims {@code key} for this request in the caller's transaction. Returns empty if the claim
   * succeeded, so the caller books and then calls {@link #attach}. Returns the earlier request's
   * record if the key is taken; when that request is still running, this call waits for it.
   */
  Optional<Recorded> claim(String userId, String key, String requestHash) {
    int inserted =
        jdbc.sql(
                """
                INSERT INTO idempotency_keys (user_id, key, request_hash)
                VALUES (:userId, :key, :hash)
                ON CONFLICT (user_id, key) DO NOTHING
                """)
            .param("userId", userId)
            .param("key", key)
            .param("hash", requestHash)
            .update();
    if (inserted == 1) {
      return Optional.empty();
    }
    return jdbc.sql(
            "SELECT request_hash, booking_id FROM idempotency_keys"
                + " WHERE user_id = :userId AND key = :key")
        .param("userId", userId)
        .param("key", key)
        .query(
            (row, rowNumber) ->
                new Recorded(
                    row.getString("request_hash"), row.getObject("booking_id", UUID.class)))
        .optional();
  }

  /** Links a claimed key to the booking its request created. */
  void attach(String userId, String key, UUID bookingId) {
    jdbc.sql(
            "UPDATE idempotency_keys SET booking_id = :bookingId"
                + " WHERE user_id = :userId AND key = :key")
        .param("bookingId", bookingId)
        .param("userId", userId)
        .param("key", key)
        .update();
  }

  /** Returns the hex SHA-256 of a request's canonical form. */
  static String hash(String canonicalRequest) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(digest.digest(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }
}
