package io.parking.notification.delivery;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * E-mail and webhook delivery ({@code parking.notification.*}).
 *
 * @param mail e-mail to drivers
 * @param webhooks signed HTTP posts to operator systems
 * @param retry backoff of failed sends, shared by both channels
 */
@Validated
@ConfigurationProperties("parking.notification")
public record DeliveryProperties(
    @NotNull @Valid Mail mail, @NotNull @Valid Webhooks webhooks, @NotNull @Valid Retry retry) {

  /**
   * E-mail settings; the SMTP server itself is {@code spring.mail.*}.
   *
   * @param enabled whether drivers get e-mails at all
   * @param from sender address
   * @param recipientPattern address of a driver, with {@code {userId}} replaced by the driver id
   */
  public record Mail(boolean enabled, @NotBlank String from, @NotBlank String recipientPattern) {

    String recipientOf(String userId) {
      return recipientPattern.replace("{userId}", userId);
    }
  }

  /**
   * Webhook settings.
   *
   * @param enabled whether any webhook is sent
   * @param timeout how long one post may take before it counts as failed
   * @param subscriptions operator endpoints and the events each receives
   */
  public record Webhooks(
      boolean enabled, @NotNull Duration timeout, List<@Valid Subscription> subscriptions) {

    public Webhooks {
      subscriptions = subscriptions == null ? List.of() : List.copyOf(subscriptions);
    }
  }

  /**
   * One operator endpoint.
   *
   * @param name unique name, stored as the delivery target
   * @param url endpoint that receives a POST of the event's JSON
   * @param secret key of the HMAC-SHA256 signature
   * @param eventTypes event types sent, for example {@code booking.completed}
   * @param lotIds lots whose events are sent; empty for all lots. Events without a lot (payment
   *     events other than receipts) go only to subscriptions with no lot filter
   */
  public record Subscription(
      @NotBlank String name,
      @NotNull URI url,
      @NotBlank String secret,
      @NotNull Set<String> eventTypes,
      Set<Long> lotIds) {

    public Subscription {
      eventTypes = Set.copyOf(eventTypes);
      lotIds = lotIds == null ? Set.of() : Set.copyOf(lotIds);
    }

    boolean matches(String eventType, Long lotId) {
      if (!eventTypes.contains(eventType)) {
        return false;
      }
      return lotIds.isEmpty() || (lotId != null && lotIds.contains(lotId));
    }
  }

  /**
   * Bounded exponential backoff of failed sends.
   *
   * @param maxAttempts attempts in all before a delivery is dead
   * @param initialBackoff pause after the first failed attempt; it doubles after each further one
   * @param pollInterval how often due deliveries are looked for
   */
  public record Retry(
      @Positive int maxAttempts, @NotNull Duration initialBackoff, @NotNull Duration pollInterval) {

    Duration backoffAfter(int attempts) {
      return initialBackoff.multipliedBy(1L << Math.min(attempts - 1, 20));
    }
  }
}
