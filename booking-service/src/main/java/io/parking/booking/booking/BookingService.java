package io.parking.booking.booking;

import io.parking.booking.booking.BookingWindowPolicy.Window;
import io.parking.booking.booking.SpotUpdates.Car;
import io.parking.booking.booking.SpotUpdates.SpotChange;
import io.parking.booking.lot.FloorNotFoundException;
import io.parking.booking.lot.LotNotFoundException;
import io.parking.booking.lot.SpotRepository;
import io.parking.booking.lot.SpotState;
import io.parking.events.EventTypes;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reserves, reads and changes bookings, each change in one database transaction together with its
 * spot's version-guarded update and its event.
 */
@Service
class BookingService {

  private static final Logger log = LoggerFactory.getLogger(BookingService.class);

  private final BookingRepository bookings;
  private final BookingQueries queries;
  private final SpotRepository spots;
  private final SpotUpdates spotUpdates;
  private final SpotReserver reserver;
  private final IdempotencyKeys idempotencyKeys;
  private final BookingWindowPolicy windowPolicy;
  private final BookingEvents events;
  private final BookingProperties properties;
  private final Clock clock;

  BookingService(
      BookingRepository bookings,
      BookingQueries queries,
      SpotRepository spots,
      SpotUpdates spotUpdates,
      SpotReserver reserver,
      IdempotencyKeys idempotencyKeys,
      BookingWindowPolicy windowPolicy,
      BookingEvents events,
      BookingProperties properties,
      Clock clock) {
    this.bookings = bookings;
    this.queries = queries;
    this.spots = spots;
    this.spotUpdates = spotUpdates;
    this.reserver = reserver;
    this.idempotencyKeys = idempotencyKeys;
    this.windowPolicy = windowPolicy;
    this.events = events;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * A booking returned by a create request.
   *
   * @param replayed true if an earlier request with the same idempotency key created it
   */
  record Reservation(BookingResponse booking, boolean replayed) {}

  /**
   * Reserves a spot for a window. Of two requests racing for one spot exactly one wins, and the
   * other gets {@link SpotUnavailableException} and writes nothing. With an {@code idempotencyKey}
   * a repeated request returns the booking the first one created.
   */
  @Transactional
  public Reservation reserve(String userId, ReserveBookingRequest request, String idempotencyKey) {
    String requestHash = IdempotencyKeys.hash(request.canonical());
    Optional<Reservation> replay = claimOrReplay(userId, idempotencyKey, requestHash);
    if (replay.isPresent()) {
      return replay.get();
    }

    SpotState spot = spotUpdates.load(request.spotId());
    Window window =
        windowPolicy.check(request.startTime(), request.endTime(), ZoneId.of(spot.timeZone()));
    Booking booking = reserver.reserve(userId, spot, window);
    attachKey(userId, idempotencyKey, booking);
    return new Reservation(BookingResponse.of(booking, spot), false);
  }

  /**
   * One attempt of an "any spot" request: picks at random among the first free matching spots one
   * that was not tried yet and reserves it. Throws {@link SpotUnavailableException} if another
   * request won that spot, so the caller can try again, and {@link NoSpotAvailableException} if no
   * matching spot is free.
   */
  @Transactional
  public Reservation reserveAny(
      String userId, ReserveAnyRequest request, String idempotencyKey, Collection<Long> tried) {
    String requestHash = IdempotencyKeys.hash(request.canonical());
    Optional<Reservation> replay = claimOrReplay(userId, idempotencyKey, requestHash);
    if (replay.isPresent()) {
      return replay.get();
    }

    long lotId = request.lotId();
    String timeZone =
        spots.findLotTimeZone(lotId).orElseThrow(() -> new LotNotFoundException(lotId));
    if (request.floorId() != null && !spots.floorBelongsToLot(request.floorId(), lotId)) {
      throw new FloorNotFoundException(lotId, request.floorId());
    }
    Window window = windowPolicy.check(request.startTime(), request.endTime(), ZoneId.of(timeZone));
    List<Long> candidates =
        queries.freeSpots(
            lotId,
            request.floorId(),
            request.spotType(),
            window.startTime(),
            window.endTime(),
            tried,
            properties.anySpotCandidates());
    if (candidates.isEmpty()) {
      log.info("No free spot in lot {} for an any-spot request", lotId);
      throw new NoSpotAvailableException(
          "No spot in lot "
              + lotId
              + " matching the request is free from "
              + window.startTime()
              + " to "
              + window.endTime()
              + ": choose another window, floor or spot type.");
    }

    long spotId = candidates.get(ThreadLocalRandom.current().nextInt(candidates.size()));
    SpotState spot = spotUpdates.load(spotId);
    Booking booking = reserver.reserve(userId, spot, window);
    attachKey(userId, idempotencyKey, booking);
    return new Reservation(BookingResponse.of(booking, spot), false);
  }

  /** Returns the booking if it belongs to {@code userId}. Other drivers' bookings are not found. */
  @Transactional(readOnly = true)
  public BookingResponse find(String userId, UUID bookingId) {
    Booking booking =
        bookings
            .findById(bookingId)
            .filter(candidate -> candidate.isOwnedBy(userId))
            .orElseThrow(() -> new BookingNotFoundException(bookingId));
    return BookingResponse.of(booking, spotUpdates.load(booking.getSpotId()));
  }

  /** Returns one page of the driver's bookings, newest first, optionally of one status. */
  @Transactional(readOnly = true)
  public BookingPage list(String userId, BookingStatus status, int page, int size) {
    PageRequest request =
        PageRequest.of(page, size, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id")));
    Page<Booking> found =
        status == null
            ? bookings.findByUserId(userId, request)
            : bookings.findByUserIdAndStatus(userId, status, request);
    Map<Long, SpotState> spotsById =
        spots
            .findStates(found.stream().map(Booking::getSpotId).collect(Collectors.toSet()))
            .stream()
            .collect(Collectors.toMap(SpotState::spotId, Function.identity()));
    List<BookingResponse> items =
        found.stream()
            .map(booking -> BookingResponse.of(booking, spotsById.get(booking.getSpotId())))
            .toList();
    return new BookingPage(items, page, size, found.getTotalElements());
  }

  /** Cancels a reserved booking of {@code userId}. */
  @Transactional
  public BookingResponse cancel(String userId, UUID bookingId) {
    Booking booking = lockOwned(userId, bookingId);
    booking.cancel();
    return afterLifecycleChange(booking, Car.UNCHANGED, EventTypes.BOOKING_CANCELLED);
  }

  /** Checks in to a reserved booking of {@code userId}: the driver is at the spot. */
  @Transactional
  public BookingResponse checkIn(String userId, UUID bookingId) {
    Booking booking = lockOwned(userId, bookingId);
    booking.checkIn(clock.instant(), properties.checkInOpensBefore());
    return afterLifecycleChange(booking, Car.ARRIVED, EventTypes.BOOKING_ACTIVATED);
  }

  /** Completes an active booking of {@code userId}: the driver left. */
  @Transactional
  public BookingResponse complete(String userId, UUID bookingId) {
    Booking booking = lockOwned(userId, bookingId);
    booking.complete();
    return afterLifecycleChange(booking, Car.LEFT, EventTypes.BOOKING_COMPLETED);
  }

  /**
   * Expires a reserved booking nobody checked in to within the grace period. Returns false,
   * changing nothing, if the booking was checked in or cancelled meanwhile.
   */
  @Transactional
  public boolean expireIfNoShow(UUID bookingId) {
    Optional<Booking> found = bookings.findForUpdate(bookingId);
    if (found.isEmpty() || !found.get().isNoShow(clock.instant(), properties.noShowGrace())) {
      return false;
    }
    Booking booking = found.get();
    booking.expire();
    afterLifecycleChange(booking, Car.UNCHANGED, EventTypes.BOOKING_EXPIRED);
    return true;
  }

  /**
   * Moves the end of a reserved or active booking of {@code userId} later. Throws {@link
   * SpotUnavailableException} if another live booking overlaps the longer window.
   */
  @Transactional
  public BookingResponse extend(String userId, UUID bookingId, ExtendBookingRequest request) {
    Booking booking = lockOwned(userId, bookingId);
    long spotId = booking.getSpotId();
    SpotState spot = spotUpdates.load(spotId);
    windowPolicy.checkExtension(
        booking.getStartTime(), request.endTime(), ZoneId.of(spot.timeZone()));
    var newEnd = request.endTime().resolve(ZoneId.of(spot.timeZone()), "endTime").toInstant();
    booking.extendTo(newEnd);

    if (queries.overlapsLiveBooking(
        spotId, booking.getStartTime(), booking.getEndTime(), bookingId)) {
      log.info(
          "Extension of booking {} on spot {} rejected: another booking overlaps",
          bookingId,
          spotId);
      throw new SpotUnavailableException(spotId, "another booking overlaps the longer window");
    }
    // Written before the spot update, so that the exclusion constraint fires here if it must.
    reserver.saveAndFlush(booking);
    if (!spotUpdates.holdIfUnchanged(spot)) {
      log.info("Extension of booking {} lost the race on spot {}", bookingId, spotId);
      throw new SpotUnavailableException(spotId, "another request changed the spot first");
    }
    events.publish(EventTypes.BOOKING_EXTENDED, booking, spot, true);
    log.info("Booking {} on spot {} extended to {}", bookingId, spotId, booking.getEndTime());
    return BookingResponse.of(booking, spot);
  }

  private Booking lockOwned(String userId, UUID bookingId) {
    return bookings
        .findForUpdate(bookingId)
        .filter(candidate -> candidate.isOwnedBy(userId))
        .orElseThrow(() -> new BookingNotFoundException(bookingId));
  }

  private BookingResponse afterLifecycleChange(Booking booking, Car car, String eventType) {
    bookings.saveAndFlush(booking);
    SpotChange change = spotUpdates.afterLifecycleChange(booking.getSpotId(), car);
    events.publish(eventType, booking, change.spot(), change.held());
    log.info(
        "Booking {} is now {}, spot {} {} -> {}",
        booking.getId(),
        booking.getStatus().stored(),
        booking.getSpotId(),
        change.spot().status().stored(),
        change.status().stored());
    return BookingResponse.of(booking, change.spot());
  }

  private Optional<Reservation> claimOrReplay(String userId, String key, String requestHash) {
    if (key == null) {
      return Optional.empty();
    }
    return idempotencyKeys
        .claim(userId, key, requestHash)
        .map(
            recorded -> {
              if (!recorded.requestHash().equals(requestHash)) {
                log.warn("Idempotency key reused with a different request body");
                throw new IdempotencyKeyReusedException(key);
              }
              Booking booking =
                  bookings
                      .findById(recorded.bookingId())
                      .orElseThrow(() -> new BookingNotFoundException(recorded.bookingId()));
              log.info("Booking {} returned again for a repeated idempotency key", booking.getId());
              return new Reservation(
                  BookingResponse.of(booking, spotUpdates.load(booking.getSpotId())), true);
            });
  }

  private void attachKey(String userId, String key, Booking booking) {
    if (key != null) {
      idempotencyKeys.attach(userId, key, booking.getId());
    }
  }
}
