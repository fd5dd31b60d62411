package io.parking.payment.pricing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Tariffs ({@code parking.payment.pricing.*}).
 *
 * @param defaults tariff of every lot without its own entry
 * @param lots tariffs by lot id; each entry is a complete tariff, not a patch of the default
 */
@Validated
@ConfigurationProperties("parking.payment.pricing")
public record PricingProperties(@NotNull @Valid Tariff defaults, Map<Long, @Valid Tariff> lots) {

  public PricingProperties {
    lots = lots == null ? Map.of() : Map.copyOf(lots);
  }

  /** Returns the tariff of the lot, or the default one. */
  public Tariff tariffOf(long lotId) {
    return lots.getOrDefault(lotId, defaults);
  }
}
