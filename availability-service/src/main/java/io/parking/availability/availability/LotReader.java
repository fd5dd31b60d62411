package io.parking.availability.availability;

import io.parking.availability.lot.LotBuilder;
import io.parking.availability.store.LotCounts;
import io.parking.availability.store.LotVersion;
import io.parking.availability.store.SpotAvailabilityStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Reads a lot's counts from Redis and remembers the last counts read per lot. While the lot is
 * missing from Redis or being rebuilt, it returns those last counts marked stale instead of zeros
 * or a 404.
 */
@Component
class LotReader {

  private final SpotAvailabilityStore store;
  private final LotBuilder lotBuilder;
  private final Map<Long, LotCounts> lastKnown = new ConcurrentHashMap<>();

  LotReader(SpotAvailabilityStore store, LotBuilder lotBuilder) {
    this.store = store;
    this.lotBuilder = lotBuilder;
  }

  /**
   * Returns the lot's counts with their entity tag, or empty when Redis does not have the lot and
   * this instance never read it.
   */
  Optional<LotView> read(long lotId) {
    Optional<LotCounts> counts = store.readLot(lotId);
    if (counts.isPresent() && !lotBuilder.isBuilding(lotId)) {
      lastKnown.put(lotId, counts.get());
      return Optional.of(LotView.of(counts.get(), false));
    }
    LotCounts previous = counts.orElse(lastKnown.get(lotId));
    return Optional.ofNullable(previous).map(known -> LotView.of(known, true));
  }

  /**
   * A lot's counts and the entity tag that identifies them: the lot's build time and change
   * counter, and whether the counts are stale.
   */
  record LotView(LotAvailability body, String etag) {

    static LotView of(LotCounts counts, boolean stale) {
      String etag = etag(new LotVersion(counts.builtAt(), counts.changes()));
      if (stale) {
        etag = etag.replaceFirst("\"$", "-stale\"");
      }
      return new LotView(LotAvailability.from(counts, stale), etag);
    }

    static String etag(LotVersion version) {
      return "\""
          + Integer.toHexString(version.builtAt().hashCode())
          + "-"
          + version.changes()
          + "\"";
    }
  }

  /**
   * Returns the entity tag of the lot's current counts without reading them, or {@code stale} while
   * the lot is missing or being rebuilt.
   */
  String version(long lotId) {
    if (lotBuilder.isBuilding(lotId)) {
      return "stale";
    }
    return store.readLotVersion(lotId).map(LotView::etag).orElse("stale");
  }
}
