import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator for booking throughput through the gateway. Each client posts bookings of one
 * hour for random spots and random hours within the next 80 days, so most requests succeed and
 * a few collide (409). Prints attempts, successes, conflicts, errors, throughput and latency.
 *
 * <p>Run with the java launcher: {@code java bench/BookingLoad.java <gatewayUrl> <firstSpotId>
 * <lastSpotId> <clients> <seconds>}.
 */
public class BookingLoad {

  public static void main(String[] args) throws Exception {
    if (args.length != 5) {
      System.err.println(
          "usage: java BookingLoad.java <gatewayUrl> <firstSpotId> <lastSpotId> <clients> <seconds>");
      System.exit(2);
    }
    String gateway = args[0];
    long firstSpot = Long.parseLong(args[1]);
    long lastSpot = Long.parseLong(args[2]);
    int clients = Integer.parseInt(args[3]);
    Duration length = Duration.ofSeconds(Long.parseLong(args[4]));

    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    Instant base = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
    AtomicLong created = new AtomicLong();
    AtomicLong conflicts = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    List<List<Long>> latencies = new ArrayList<>();

    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long started = System.nanoTime();
    long deadline = started + length.toNanos();
    List<Future<?>> runs = new ArrayList<>();
    for (int client = 0; client < clients; client++) {
      List<Long> mine = new ArrayList<>();
      latencies.add(mine);
      String driver = "bench-driver-" + client;
      runs.add(
          pool.submit(
              () -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < deadline) {
                  long spot = random.nextLong(firstSpot, lastSpot + 1);
                  Instant start = base.plus(random.nextInt(24 * 80), ChronoUnit.HOURS);
                  String body =
                      "{\"spotId\": %d, \"startTime\": \"%s\", \"endTime\": \"%s\"}"
                          .formatted(spot, start, start.plus(1, ChronoUnit.HOURS));
                  HttpRequest request =
                      HttpRequest.newBuilder(URI.create(gateway + "/api/bookings"))
                          .timeout(Duration.ofSeconds(30))
                          .header("Content-Type", "application/json")
                          .header("X-User-Id", driver)
                          .POST(HttpRequest.BodyPublishers.ofString(body))
                          .build();
                  long sent = System.nanoTime();
                  try {
                    int status =
                        http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    mine.add(System.nanoTime() - sent);
                    if (status == 201) {
                      created.incrementAndGet();
                    } else if (status == 409) {
                      conflicts.incrementAndGet();
                    } else {
                      errors.incrementAndGet();
                    }
                  } catch (Exception e) {
                    errors.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    for (Future<?> run : runs) {
      run.get();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    pool.shutdown();

    long[] all = latencies.stream().flatMap(List::stream).mapToLong(Long::longValue).toArray();
    Arrays.sort(all);
    System.out.printf(
        "gateway bookings: clients=%d seconds=%.1f attempts=%d created=%d conflicts=%d errors=%d%n",
        clients, seconds, all.length, created.get(), conflicts.get(), errors.get());
    System.out.printf(
        "gateway bookings: %.0f created/s, %.0f requests/s, p50 %.1f ms, p99 %.1f ms%n",
        created.get() / seconds,
        all.length / seconds,
        percentile(all, 0.50) / 1e6,
        percentile(all, 0.99) / 1e6);
  }

  private static long percentile(long[] sorted, double fraction) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
  }
}
