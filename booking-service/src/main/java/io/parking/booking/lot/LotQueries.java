package io.parking.booking.lot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads lots, floors and spots, mapping entities to response records inside the transaction. */
@Service
@Transactional(readOnly = true)
class LotQueries {

  private final LotRepository lots;
  private final SpotRepository spots;

  LotQueries(LotRepository lots, SpotRepository spots) {
    this.lots = lots;
    this.spots = spots;
  }

  List<LotResponse> findAll() {
    return lots.findAllWithFloors().stream().map(LotResponse::of).toList();
  }

  LotResponse find(long lotId) {
    return LotResponse.of(loadLot(lotId));
  }

  List<SpotResponse> findSpotsOfFloor(long lotId, long floorId) {
    Lot lot = loadLot(lotId);
    boolean floorInLot = lot.getFloors().stream().anyMatch(floor -> floor.getId() == floorId);
    if (!floorInLot) {
      throw new FloorNotFoundException(lotId, floorId);
    }
    return spots.findViewsByFloor(floorId).stream().map(SpotResponse::of).toList();
  }

  SpotResponse findSpot(long spotId) {
    return spots
        .findView(spotId)
        .map(SpotResponse::of)
        .orElseThrow(() -> new SpotNotFoundException(spotId));
  }

  LayoutResponse layout(long lotId) {
    Lot lot = loadLot(lotId);
    Map<Long, List<LayoutResponse.LayoutSpot>> spotsByFloor = new LinkedHashMap<>();
    for (SpotView spot : spots.findViewsByLot(lotId)) {
      spotsByFloor
          .computeIfAbsent(spot.floorId(), floorId -> new ArrayList<>())
          .add(LayoutResponse.LayoutSpot.of(spot));
    }
    List<LayoutResponse.LayoutFloor> floors =
        lot.getFloors().stream()
            .map(
                floor ->
                    new LayoutResponse.LayoutFloor(
                        floor.getId(),
                        floor.getFloorNumber(),
                        spotsByFloor.getOrDefault(floor.getId(), List.of())))
            .toList();
    return new LayoutResponse(lotId, floors);
  }

  private Lot loadLot(long lotId) {
    return lots.findWithFloors(lotId).orElseThrow(() -> new LotNotFoundException(lotId));
  }
}
