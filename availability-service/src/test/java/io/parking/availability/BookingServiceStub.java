package io.parking.availability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.parking.support.security.Roles;
import io.parking.support.security.TokenSettings;
import io.parking.support.security.TokenValidation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for the booking service's {@code GET /api/lots} and {@code GET
 * /internal/lots/{lotId}/layout}, on a free loopback port. Like the booking service, it serves only
 * requests whose bearer token is valid under the development {@link TokenSettings} and has the
 * {@code service} role: others get 401 or 403 and are recorded in {@link #rejections()}.
 */
public final class BookingServiceStub {

  private static final Pattern LAYOUT_PATH = Pattern.compile("/internal/lots/(\\d+)/layout");

  private final JsonMapper mapper = JsonMapper.builder().build();
  private final Map<Long, Layout> layouts = new ConcurrentSkipListMap<>();
  private final Map<Long, AtomicInteger> layoutRequests = new ConcurrentHashMap<>();
  private final AtomicInteger lotListRequests = new AtomicInteger();
  private volatile boolean lotListFailing;
  private final java.util.Set<Long> failingLayouts = ConcurrentHashMap.newKeySet();
  private final JwtDecoder tokenDecoder = TokenValidation.decoder(TokenSettings.development());
  private final List<String> rejections = new CopyOnWriteArrayList<>();
  private final AtomicInteger acceptedRequests = new AtomicInteger();
  private volatile Jwt lastAcceptedToken;
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

  /** Counts the requests whose token the stub accepted. */
  public int acceptedRequests() {
    return acceptedRequests.get();
  }

  /** Returns the verified token of the latest accepted request, or null before the first one. */
  public Jwt lastAcceptedToken() {
    return lastAcceptedToken;
  }

  /** Lists each rejected request as its path and the reason, oldest first. */
  public List<String> rejections() {
    return List.copyOf(rejections);
  }

  /**
   * Checks the request's bearer token as the booking service does, and sends 401 or 403 when it is
   * missing, invalid or lacks the {@code service} role.
   *
   * @return whether the request may be served
   */
  private boolean authorized(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header == null || !header.startsWith("Bearer ")) {
      reject(exchange, 401, path + ": no bearer token in the Authorization header");
      return false;
    }
    Jwt token;
    try {
      token = tokenDecoder.decode(header.substring("Bearer ".length()));
    } catch (JwtException exception) {
      reject(exchange, 401, path + ": invalid token: " + exception.getMessage());
      return false;
    }
    List<String> roles = token.getClaimAsStringList(Roles.CLAIM);
    if (roles == null || !roles.contains(Roles.SERVICE)) {
      reject(exchange, 403, path + ": token roles " + roles + " lack " + Roles.SERVICE);
      return false;
    }
    lastAcceptedToken = token;
    acceptedRequests.incrementAndGet();
    return true;
  }

  private void reject(HttpExchange exchange, int status, String reason) throws IOException {
    rejections.add(reason);
    send(exchange, status, mapper.writeValueAsString(Map.of("status", status, "detail", reason)));
  }

  private void listLots(HttpExchange exchange) throws IOException {
    lotListRequests.incrementAndGet();
    if (!authorized(exchange)) {
      return;
    }
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
    if (!authorized(exchange)) {
      return;
    }
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
