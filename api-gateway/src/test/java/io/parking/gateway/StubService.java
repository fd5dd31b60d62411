package io.parking.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A downstream service stand-in: a JDK HTTP server on a free loopback port that records each
 * request and returns a configurable response. By default it returns 200 with {@code
 * {"service":NAME,"path":PATH}}, so a test can see which service a path was routed to.
 */
final class StubService {

  /** One request as the stub received it; header names are matched case-insensitively. */
  record ReceivedRequest(
      String method, String path, String query, Map<String, List<String>> headers, String body) {

    String header(String name) {
      return headers.entrySet().stream()
          .filter(entry -> entry.getKey().equalsIgnoreCase(name))
          .map(entry -> entry.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  private record CannedResponse(int status, String contentType, String body) {}

  /** A Server-Sent Events response: {@code count} events, one every {@code interval}. */
  private record EventStream(int count, Duration interval) {}

  private final String name;
  private final ExecutorService executor;
  private final ConcurrentLinkedQueue<ReceivedRequest> requests = new ConcurrentLinkedQueue<>();
  private final Map<String, String> extraHeaders = new ConcurrentHashMap<>();
  private volatile HttpServer server;
  private volatile CannedResponse response;
  private volatile CountDownLatch hang;
  private volatile Duration delay;
  private volatile EventStream eventStream;
  private volatile String echoedHeader;

  private StubService(String name) {
    this.name = name;
    this.executor =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "stub-" + name);
              thread.setDaemon(true);
              return thread;
            });
  }

  static StubService start(String name) {
    StubService stub = new StubService(name);
    stub.listen(0);
    return stub;
  }

  private void listen(int port) {
    try {
      HttpServer listening =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
      listening.setExecutor(executor);
      listening.createContext("/", this::handle);
      listening.start();
      server = listening;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not start the " + name + " stub on loopback port " + port, e);
    }
  }

  /** Returns a loopback port that nothing listens on right now. */
  static int unusedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not find a free loopback port", e);
    }
  }

  int port() {
    return server.getAddress().getPort();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  /** Closes the listening port and every connection, as a crashed service would. */
  void stopListening() {
    server.stop(0);
  }

  /** Listens again on the same port after {@link #stopListening()}. */
  void startListening() {
    listen(port());
  }

  /** Makes every following request get this response. */
  void respond(int status, String contentType, String body) {
    response = new CannedResponse(status, contentType, body);
  }

  /** Adds this header to every following response. */
  void responseHeader(String name, String value) {
    extraHeaders.put(name, value);
  }

  /** Makes every following response repeat this request header, as some services do. */
  void echoHeader(String name) {
    echoedHeader = name;
  }

  /** Makes every following request wait this long before its response. */
  void respondAfter(Duration wait) {
    delay = wait;
  }

  /** Makes every following request get a text/event-stream of {@code count} events. */
  void streamEvents(int count, Duration interval) {
    eventStream = new EventStream(count, interval);
  }

  /** Makes every following request wait without a response until {@link #reset()}. */
  void hang() {
    hang = new CountDownLatch(1);
  }

  List<ReceivedRequest> requests() {
    return List.copyOf(requests);
  }

  ReceivedRequest lastRequest() {
    List<ReceivedRequest> received = requests();
    if (received.isEmpty()) {
      throw new AssertionError("The " + name + " stub received no request");
    }
    return received.get(received.size() - 1);
  }

  void reset() {
    CountDownLatch waiting = hang;
    hang = null;
    if (waiting != null) {
      waiting.countDown();
    }
    response = null;
    delay = null;
    eventStream = null;
    echoedHeader = null;
    extraHeaders.clear();
    requests.clear();
  }

  void stop() {
    reset();
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      requests.add(
          new ReceivedRequest(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getRawPath(),
              exchange.getRequestURI().getRawQuery(),
              Map.copyOf(exchange.getRequestHeaders()),
              body));

      CountDownLatch waiting = hang;
      if (waiting != null) {
        waiting.await(30, TimeUnit.SECONDS);
        return;
      }

      Duration wait = delay;
      if (wait != null) {
        Thread.sleep(wait.toMillis());
      }
      EventStream events = eventStream;
      if (events != null) {
        sendEvents(exchange, events);
        return;
      }

      CannedResponse canned = response;
      if (canned == null) {
        String path = exchange.getRequestURI().getRawPath();
        canned =
            new CannedResponse(
                200,
                "application/json",
                "{\"service\":\"" + name + "\",\"path\":\"" + path + "\"}");
      }
      byte[] bytes = canned.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", canned.contentType());
      extraHeaders.forEach(exchange.getResponseHeaders()::set);
      String echoed = echoedHeader;
      if (echoed != null && exchange.getRequestHeaders().containsKey(echoed)) {
        exchange.getResponseHeaders().set(echoed, exchange.getRequestHeaders().getFirst(echoed));
      }
      exchange.sendResponseHeaders(canned.status(), bytes.length == 0 ? -1 : bytes.length);
      exchange.getResponseBody().write(bytes);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sendEvents(HttpExchange exchange, EventStream events)
      throws IOException, InterruptedException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
    // Length 0 makes the JDK server send the body in chunks as it is written.
    exchange.sendResponseHeaders(200, 0);
    OutputStream body = exchange.getResponseBody();
    for (int i = 1; i <= events.count(); i++) {
      body.write(("data: " + i + "\n\n").getBytes(StandardCharsets.UTF_8));
      body.flush();
      if (i < events.count()) {
        Thread.sleep(events.interval().toMillis());
      }
    }
  }
}
