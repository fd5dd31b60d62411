package io.parking.availability;

import io.parking.availability.BookingServiceStub.Floor;
import io.parking.availability.BookingServiceStub.Layout;
import io.parking.availability.BookingServiceStub.Spot;
import java.util.List;
import java.util.stream.LongStream;

/** The lots the booking service stub serves from the start, one per test class. */
public final class TestLots {

  /**
   * Lot of the builder tests. Ground floor: one free spot, one reserved, one with a car (1 free of
   * 3). First floor: two free spots (2 of 2).
   */
  public static final Layout BUILDER_LOT =
      new Layout(
          101,
          "Builder lot",
          List.of(
              new Floor(
                  1011,
                  0,
                  List.of(
                      Spot.free(10101),
                      new Spot(10102, "reserved", "free"),
                      new Spot(10103, "none", "occupied"))),
              new Floor(1012, 1, List.of(Spot.free(10201), Spot.free(10202)))));

  /**
   * Lot of the booking event tests: floor 2011 with spots 20101-20108, floor 2012 with 20201-20208.
   */
  public static final Layout EVENTS_LOT =
      new Layout(
          201,
          "Events lot",
          List.of(
              new Floor(2011, 0, freeSpots(20101, 8)), new Floor(2012, 1, freeSpots(20201, 8))));

  /**
   * Lot of the read API tests. Floor 3011 is number 2 and floor 3012 number 1, so the response must
   * reorder them.
   */
  public static final Layout API_LOT =
      new Layout(
          301,
          "API lot",
          List.of(
              new Floor(3011, 2, List.of(Spot.free(30101), new Spot(30102, "none", "occupied"))),
              new Floor(3012, 1, freeSpots(30201, 4))));

  /** Lot of the counting tests: one floor of two spots. */
  public static final Layout COUNTING_LOT =
      new Layout(401, "Counting lot", List.of(new Floor(4011, 0, freeSpots(40101, 2))));

  /** Lot of the redelivery test: one floor of two spots. */
  public static final Layout REDELIVERY_LOT =
      new Layout(402, "Redelivery lot", List.of(new Floor(4021, 0, freeSpots(40201, 2))));

  /** Lot of the drift test: one floor of two spots. */
  public static final Layout DRIFT_LOT =
      new Layout(501, "Drift lot", List.of(new Floor(5011, 0, freeSpots(50101, 2))));

  /** Lot of the rebuild tests: one floor of four spots. */
  public static final Layout REBUILD_LOT =
      new Layout(601, "Rebuild lot", List.of(new Floor(6011, 0, freeSpots(60101, 4))));

  /** Lot of the reconciliation race test: two floors of five spots. */
  public static final Layout RECONCILE_LOT =
      new Layout(
          701,
          "Reconcile lot",
          List.of(
              new Floor(7011, 0, freeSpots(70101, 5)), new Floor(7012, 1, freeSpots(70201, 5))));

  /** Lot of the closed-floor, unknown-sensor and stream tests: two floors of two spots. */
  public static final Layout STATUS_LOT =
      new Layout(
          801,
          "Status lot",
          List.of(
              new Floor(8011, 0, freeSpots(80101, 2)), new Floor(8012, 1, freeSpots(80201, 2))));

  static void putAll(BookingServiceStub bookingService) {
    bookingService.putLot(BUILDER_LOT);
    bookingService.putLot(EVENTS_LOT);
    bookingService.putLot(API_LOT);
    bookingService.putLot(COUNTING_LOT);
    bookingService.putLot(REDELIVERY_LOT);
    bookingService.putLot(DRIFT_LOT);
    bookingService.putLot(REBUILD_LOT);
    bookingService.putLot(RECONCILE_LOT);
    bookingService.putLot(STATUS_LOT);
  }

  public static List<Spot> freeSpots(long firstSpotId, int count) {
    return LongStream.range(firstSpotId, firstSpotId + count).mapToObj(Spot::free).toList();
  }

  private TestLots() {}
}
