package io.parking.notification.delivery;

import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's e-mail history; the caller is the subject of the bearer token. Webhook deliveries go
 * to operator systems and are not listed.
 */
@RestController
@RequestMapping("/api/notifications/deliveries")
class DeliveryController {

  private final DeliveryRepository deliveries;

  DeliveryController(DeliveryRepository deliveries) {
    this.deliveries = deliveries;
  }

  /** Lists the caller's e-mail deliveries, newest first, with their status. */
  @GetMapping
  List<DeliveryResponse> history(@AuthenticationPrincipal Jwt token) {
    return deliveries
        .findByUserIdAndChannelOrderByCreatedAtDesc(token.getSubject(), Delivery.EMAIL)
        .stream()
        .map(DeliveryResponse::from)
        .toList();
  }
}
