package io.parking.booking.lot;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Internal API read by the availability service with a service-role token. The gateway does not
 * route {@code /internal}.
 */
@RestController
class LayoutController {

  private final LotQueries queries;

  LayoutController(LotQueries queries) {
    this.queries = queries;
  }

  @GetMapping("/internal/lots/{lotId}/layout")
  LayoutResponse layout(@PathVariable long lotId) {
    return queries.layout(lotId);
  }
}
