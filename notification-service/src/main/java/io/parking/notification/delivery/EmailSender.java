package io.parking.notification.delivery;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** Sends a delivery as a plain-text e-mail over the SMTP server of {@code spring.mail.*}. */
@Component
class EmailSender {

  private final ObjectProvider<JavaMailSender> mailSender;
  private final DeliveryProperties properties;

  EmailSender(ObjectProvider<JavaMailSender> mailSender, DeliveryProperties properties) {
    this.mailSender = mailSender;
    this.properties = properties;
  }

  /**
   * Sends the e-mail.
   *
   * @throws DeliveryFailedException when no SMTP server is configured or it rejected the message
   */
  void send(Delivery delivery) {
    JavaMailSender sender = mailSender.getIfAvailable();
    if (sender == null) {
      throw new DeliveryFailedException(
          "E-mail is enabled but no SMTP server is configured: set NOTIFICATION_SMTP_HOST", null);
    }
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(properties.mail().from());
    message.setTo(delivery.getTarget());
    message.setSubject(delivery.getSubject());
    message.setText(delivery.getBody());
    try {
      sender.send(message);
    } catch (MailException e) {
      throw new DeliveryFailedException("SMTP send failed: " + e.getMessage(), e);
    }
  }
}
