package io.parking.notification.notification;

import io.parking.notification.web.InvalidRequestException;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The driver's notification feed. */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

  static final String USER_HEADER = "X-User-Id";

  private final NotificationRepository notifications;

  NotificationController(NotificationRepository notifications) {
    this.notifications = notifications;
  }

  /** Lists the calling driver's notifications, newest first, optionally of one booking only. */
  @GetMapping
  List<NotificationResponse> feed(
      @RequestHeader(USER_HEADER) String userId, @RequestParam(required = false) UUID bookingId) {
    if (userId.isBlank()) {
      throw new InvalidRequestException(USER_HEADER, "must not be blank");
    }
    List<Notification> found =
        bookingId == null
            ? notifications.findByUserIdOrderByCreatedAtDesc(userId)
            : notifications.findByUserIdAndBookingIdOrderByCreatedAtDesc(userId, bookingId);
    return found.stream().map(NotificationResponse::from).toList();
  }
}
