package io.parking.notification.delivery;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Posts an event's JSON to an operator endpoint, signed so the receiver can check that it came from
 * this service and was not changed.
 *
 * <p>Headers: {@value #EVENT_ID_HEADER} (deduplicate on it, since a retry after a lost response
 * repeats the post), {@value #TIMESTAMP_HEADER} (epoch seconds of this attempt) and {@value
 * #SIGNATURE_HEADER}: {@code sha256=} and the hex HMAC-SHA256, under the subscription's secret, of
 * the timestamp, a full stop and the body.
 */
@Component
class WebhookSender {

  static final String SIGNATURE_HEADER = "X-Parking-Signature";
  static final String TIMESTAMP_HEADER = "X-Parking-Timestamp";
  static final String EVENT_ID_HEADER = "X-Parking-Event-Id";
  static final String EVENT_TYPE_HEADER = "X-Parking-Event-Type";

  private final HttpClient client;
  private final DeliveryProperties properties;

  WebhookSender(DeliveryProperties properties) {
    this.properties = properties;
    this.client = HttpClient.newBuilder().connectTimeout(properties.webhooks().timeout()).build();
  }

  /**
   * Posts the delivery to the subscription.
   *
   * @throws DeliveryFailedException when the endpoint is unreachable, times out or responds with a
   *     status other than 2xx
   */
  void send(Delivery delivery, DeliveryProperties.Subscription subscription) {
    String timestamp = Long.toString(Instant.now().getEpochSecond());
    HttpRequest request =
        HttpRequest.newBuilder(subscription.url())
            .timeout(properties.webhooks().timeout())
            .header("Content-Type", "application/json")
            .header(EVENT_ID_HEADER, delivery.getEventId().toString())
            .header(EVENT_TYPE_HEADER, delivery.getEventType())
            .header(TIMESTAMP_HEADER, timestamp)
            .header(
                SIGNATURE_HEADER,
                "sha256=" + sign(subscription.secret(), timestamp + "." + delivery.getBody()))
            .POST(HttpRequest.BodyPublishers.ofString(delivery.getBody(), StandardCharsets.UTF_8))
            .build();
    HttpResponse<Void> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      throw new DeliveryFailedException(
          "POST to " + subscription.url() + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryFailedException("POST to " + subscription.url() + " was interrupted", e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new DeliveryFailedException(
          "POST to " + subscription.url() + " returned HTTP " + response.statusCode(), null);
    }
  }

  /** Returns the hex HMAC-SHA256 of {@code payload} under {@code secret}. */
  static String sign(String secret, String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }
}
