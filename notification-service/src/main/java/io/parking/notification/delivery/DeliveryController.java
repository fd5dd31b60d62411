package io.parking.notification.delivery;

import io.parking.notification.web.InvalidRequestException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The calling driver's e-mail history. Webhook deliveries go to operator systems and are not
 * listed.
 */
@RestController
@RequestMapping("/api/notifications/deliveries")
class DeliveryController {

  private static final String USER_HEADER = "X-User-Id";

  private final DeliveryRepository deliveries;

  DeliveryController(DeliveryRepository deliveries) {
    this.deliveries = deliveries;
  }

  /** Lists the driver's e-mail deliveries, newest first, with their status. */
  @GetMapping
  List<DeliveryResponse> history(@RequestHeader(USER_HEADER) String userId) {
    if (userId.isBlank()) {
      throw new InvalidRequestException(USER_HEADER, "must not be blank");
    }
    return deliveries.findByUserIdAndChannelOrderByCreatedAtDesc(userId, Delivery.EMAIL).stream()
        .map(DeliveryResponse::from)
        .toList();
  }
}
