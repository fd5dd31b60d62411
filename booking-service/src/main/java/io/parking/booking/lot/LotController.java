package io.parking.booking.lot;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Public read API of lots, floors and spots. */
@RestController
@RequestMapping("/api")
class LotController {

  private final LotQueries queries;

  LotController(LotQueries queries) {
    this.queries = queries;
  }

  @GetMapping("/lots")
  List<LotResponse> lots() {
    return queries.findAll();
  }

  @GetMapping("/lots/{lotId}")
  LotResponse lot(@PathVariable long lotId) {
    return queries.find(lotId);
  }

  @GetMapping("/lots/{lotId}/floors/{floorId}/spots")
  List<SpotResponse> spotsOfFloor(@PathVariable long lotId, @PathVariable long floorId) {
    return queries.findSpotsOfFloor(lotId, floorId);
  }

  @GetMapping("/spots/{spotId}")
  SpotResponse spot(@PathVariable long spotId) {
    return queries.findSpot(spotId);
  }
}
