package io.parking.notification.notification;

import io.parking.support.security.Roles;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's notification feed. The caller is the subject of the bearer token, so a driver reads
 * only their own feed. The operator alerts go to the feed of the configured operator user id, which
 * only a token with the operator role may read.
 */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

  private final NotificationRepository notifications;
  private final OperatorProperties operator;

  NotificationController(NotificationRepository notifications, OperatorProperties operator) {
    this.notifications = notifications;
    this.operator = operator;
  }

  /** Lists the caller's notifications, newest first, optionally of one booking only. */
  @GetMapping
  List<NotificationResponse> feed(
      @AuthenticationPrincipal Jwt token, @RequestParam(required = false) UUID bookingId) {
    String userId = token.getSubject();
    requireOperatorRoleForOperatorFeed(token, userId);
    List<Notification> found =
        bookingId == null
            ? notifications.findByUserIdOrderByCreatedAtDesc(userId)
            : notifications.findByUserIdAndBookingIdOrderByCreatedAtDesc(userId, bookingId);
    return found.stream().map(NotificationResponse::from).toList();
  }

  /**
   * Rejects a driver token whose subject happens to be the operator user id, so that a driver
   * account of that name cannot read the operator alerts.
   */
  private void requireOperatorRoleForOperatorFeed(Jwt token, String userId) {
    if (!userId.equals(operator.operatorUserId())) {
      return;
    }
    List<String> roles = token.getClaimAsStringList(Roles.CLAIM);
    if (roles == null || !roles.contains(Roles.OPERATOR)) {
      throw new AccessDeniedException(
          ("The feed of user '%s' contains the operator alerts, so it needs a token with the %s"
                  + " role, but this token has %s.")
              .formatted(userId, Roles.OPERATOR, roles == null ? "no roles" : "roles " + roles));
    }
  }
}
