package io.parking.payment.payment;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores {@link PaymentStatus} as the lower-case codes allowed by the table's check constraint. */
@Converter(autoApply = true)
class PaymentStatusConverter implements AttributeConverter<PaymentStatus, String> {

  @Override
  public String convertToDatabaseColumn(PaymentStatus status) {
    return status == null ? null : status.code();
  }

  @Override
  public PaymentStatus convertToEntityAttribute(String code) {
    return code == null ? null : PaymentStatus.fromCode(code);
  }
}
