package io.parking.availability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for the booking service's {@code GET /api/lots} and {@code GET
 * /internal/lots/{lotId}/layout}, on a free loopback port.
 */
public final class BookingServiceStub {

  private static final Pattern LAYOUT_PATH = Pattern.compile("/internal/lots/(\\d+)/layout");

  private final JsonMapper mapper = JsonMapper.builder().build();
  private final Map<Long, Layout> layouts = new ConcurrentSkipListMap<>();
  private final Map<Long, AtomicInteger> layoutRequests = new ConcurrentHashMap<>();
  private final AtomicInteger lotListRequests = new AtomicInteger();
  private volatile boolean lotListFailing;
  private final java.util.Set<Long> failingLayouts = ConcurrentHashMap.newKeySet();
  private final HttpServer server;

  private BookingServiceStub() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException exception) {
      throw new UncheckedIOException("starting the booking service stub failed", exception);
    }
    server.createContext("/api/lots", this::listLots);
    server.createContext("/internal/lots/", this::serveLayout);
    server.start();
  }

  public static BookingServiceStub start() {
    return new BookingServiceStub();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public void stop() {
    server.stop(0);
  }

  /** Adds a lot to the lot list and serves its layout. */
  public void putLot(Layout layout) {
    layouts.put(layout.lotId(), layout);
  }

  /** Makes {@code GET /api/lots} return 503 while {@code failing} is true. */
  public void failLotList(boolean failing) {
    lotListFailing = failing;
  }

  /** Makes {@code GET /internal/lots/{lotId}/layout} return 503 while {@code failing} is true. */
  public void failLayout(long lotId, boolean failing) {
    if (failing) {
      failingLayouts.add(lotId);
    } else {
      failingLayouts.remove(lotId);
    }
  }

  /** Returns the layout the stub serves for the lot. */
  public Layout layout(long lotId) {
    return layouts.get(lotId);
  }

  public int lotListRequests() {
    return lotListRequests.get();
  }

  public int layoutRequests(long lotId) {
    return layoutRequests.computeIfAbsent(lotId, id -> new AtomicInteger()).get();
  }

  private void listLots(HttpExchange exchange) throws IOException {
    lotListRequests.incrementAndGet();
    if (lotListFailing) {
      send(exchange, 503, "{\"title\":\"Service Unavailable\"}");
      return;
    }
    List<Map<String, Object>> lots =
        layouts.keySet().stream()
            .map(lotId -> Map.<String, Object>of("lotId", lotId, "name", "Lot " + lotId))
            .toList();
    send(exchange, 200, mapper.writeValueAsString(lots));
  }

  private void serveLayout(HttpExchange exchange) throws IOException {
    Matcher matcher = LAYOUT_PATH.matcher(exchange.getRequestURI().getPath());
    if (!matcher.matches()) {
      send(exchange, 404, "{}");
      return;
    }
    long lotId = Long.parseLong(matcher.group(1));
    layoutRequests.computeIfAbsent(lotId, id -> new AtomicInteger()).incrementAndGet();
    Layout layout = layouts.get(lotId);
    if (failingLayouts.contains(lotId)) {
      send(exchange, 503, "{\"title\":\"Service Unavailable\"}");
      return;
    }
    if (layout == null) {
      send(exchange, 404, "{}");
      return;
    }
    send(exchange, 200, mapper.writeValueAsString(layout));
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (var output = exchange.getResponseBody()) {
      output.write(body);
    }
  }

  /**
   * A layout as the booking service sends it. {@code name} is an extra field the client ignores.
   */
  public record Layout(long lotId, String name, List<Floor> floors) {}

  public record Floor(long floorId, int floorNumber, List<Spot> spots) {}

  /** A spot with its booking ({@code none}, {@code reserved}) and sensor state. */
  public record Spot(long spotId, String booking, String sensor) {

    public static Spot free(long spotId) {
      return new Spot(spotId, "none", "free");
    }
  }
}
