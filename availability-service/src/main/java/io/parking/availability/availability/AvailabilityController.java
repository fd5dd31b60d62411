package io.parking.availability.availability;

import io.parking.availability.availability.LotAvailability.FloorAvailability;
import io.parking.availability.availability.LotReader.LotView;
import io.parking.availability.config.AvailabilityProperties;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.function.Function;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Counts of lots and floors, read from Redis only: this path never calls PostgreSQL or the booking
 * service. Responses carry an {@code ETag} that changes with every count, and a request whose
 * {@code If-None-Match} names the current tag gets 304 without a body.
 *
 * <p>The reads are open to anonymous callers, so each carries an empty {@link
 * SecurityRequirements}, which the API docs show as an operation without security.
 */
@RestController
@RequestMapping("/api/lots/{lotId}")
class AvailabilityController {

  private final LotReader reader;
  private final AvailabilityStream stream;
  private final CacheControl cacheControl;

  AvailabilityController(
      LotReader reader, AvailabilityStream stream, AvailabilityProperties properties) {
    this.reader = reader;
    this.stream = stream;
    this.cacheControl = CacheControl.maxAge(properties.read().maxAge()).cachePublic();
  }

  @SecurityRequirements
  @GetMapping("/availability")
  ResponseEntity<LotAvailability> lot(@PathVariable long lotId, HttpServletRequest request) {
    LotView view = readLot(lotId);
    return conditional(request, view.etag(), view, LotView::body);
  }

  /**
   * Streams the lot's counts as Server-Sent Events: an {@code availability} event with the same
   * body as {@code GET /api/lots/{lotId}/availability} at once and after every change, and a
   * heartbeat comment while nothing changes.
   */
  @SecurityRequirements
  @GetMapping(path = "/availability/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter stream(@PathVariable long lotId) {
    return stream.subscribe(lotId, readLot(lotId));
  }

  @SecurityRequirements
  @GetMapping("/floors/{floorId}/availability")
  ResponseEntity<FloorAvailability> floor(
      @PathVariable long lotId, @PathVariable long floorId, HttpServletRequest request) {
    LotView view = readLot(lotId);
    FloorAvailability floor =
        view.body().floors().stream()
            .filter(candidate -> candidate.floorId() == floorId)
            .findFirst()
            .orElseThrow(() -> new FloorNotFoundException(lotId, floorId));
    String etag = view.etag().replaceFirst("\"$", "-" + floorId + "\"");
    return conditional(request, etag, floor, Function.identity());
  }

  private LotView readLot(long lotId) {
    return reader.read(lotId).orElseThrow(() -> new LotNotFoundException(lotId));
  }

  private <S, T> ResponseEntity<T> conditional(
      HttpServletRequest request, String etag, S source, Function<S, T> body) {
    if (matches(request, etag)) {
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
          .eTag(etag)
          .cacheControl(cacheControl)
          .build();
    }
    return ResponseEntity.ok().eTag(etag).cacheControl(cacheControl).body(body.apply(source));
  }

  /** Checks whether {@code If-None-Match} lists the tag, weak or strong, or is {@code *}. */
  private static boolean matches(HttpServletRequest request, String etag) {
    for (String header : Collections.list(request.getHeaders(HttpHeaders.IF_NONE_MATCH))) {
      for (String candidate : header.split(",")) {
        String tag = candidate.trim();
        if (tag.startsWith("W/")) {
          tag = tag.substring(2);
        }
        if (tag.equals(etag) || tag.equals("*")) {
          return true;
        }
      }
    }
    return false;
  }
}
