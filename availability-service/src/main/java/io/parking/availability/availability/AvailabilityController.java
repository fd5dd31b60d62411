package io.parking.availability.availability;

import io.parking.availability.availability.LotAvailability.FloorAvailability;
import io.parking.availability.store.LotCounts;
import io.parking.availability.store.SpotAvailabilityStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Free-spot counts of lots and floors, read from Redis only: this path never calls PostgreSQL or
 * the booking service.
 */
@RestController
@RequestMapping("/api/lots/{lotId}")
class AvailabilityController {

  private final SpotAvailabilityStore store;

  AvailabilityController(SpotAvailabilityStore store) {
    this.store = store;
  }

  @GetMapping("/availability")
  LotAvailability lot(@PathVariable long lotId) {
    return LotAvailability.from(readLot(lotId));
  }

  @GetMapping("/floors/{floorId}/availability")
  FloorAvailability floor(@PathVariable long lotId, @PathVariable long floorId) {
    return readLot(lotId).floors().stream()
        .filter(floor -> floor.floorId() == floorId)
        .findFirst()
        .map(FloorAvailability::from)
        .orElseThrow(() -> new FloorNotFoundException(lotId, floorId));
  }

  private LotCounts readLot(long lotId) {
    return store.readLot(lotId).orElseThrow(() -> new LotNotFoundException(lotId));
  }
}
