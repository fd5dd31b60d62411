package io.parking.notification.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An operator's webhook endpoint on 127.0.0.1 that records every POST and returns 503 to the first
 * posts of events passed to {@link #failFirst}.
 */
public final class WebhookReceiver {

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();

  public WebhookReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot open the webhook receiver on 127.0.0.1", e);
    }
    server.createContext("/hooks", this::handle);
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
  }

  /** Makes the first {@code times} posts of the event fail with 503. */
  public void failFirst(String eventId, int times) {
    failuresLeft.put(eventId, new AtomicInteger(times));
  }

  /** Returns the posts of the event, oldest first. */
  public List<Request> requestsFor(String eventId) {
    return requests.stream().filter(request -> eventId.equals(request.eventId())).toList();
  }

  public void stop() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String eventId = exchange.getRequestHeaders().getFirst("X-Parking-Event-Id");
    AtomicInteger left = eventId == null ? null : failuresLeft.get(eventId);
    int status = left != null && left.getAndDecrement() > 0 ? 503 : 204;
    requests.add(
        new Request(
            eventId,
            exchange.getRequestHeaders().getFirst("X-Parking-Timestamp"),
            exchange.getRequestHeaders().getFirst("X-Parking-Signature"),
            body,
            status));
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  /**
   * One POST the receiver got.
   *
   * @param status the status it returned
   */
  public record Request(
      String eventId, String timestamp, String signature, String body, int status) {}
}
