import io.parking.support.security.DevTokens;
import io.parking.support.security.Roles;
import io.parking.support.security.TokenSettings;
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
 * Load generator for the platform's gateway, printing attempts, outcomes, throughput and
 * latency. Two workloads:
 *
 * <ul>
 *   <li>{@code book}: each client posts bookings of one hour for random spots in {@code
 *       [firstSpotId, lastSpotId]} and random hours within the next 80 days, so most succeed and a
 *       few collide (409);
 *   <li>{@code read}: each client reads {@code /api/lots/{lotId}/availability}, as apps and kiosks
 *       do.
 * </ul>
 *
 * <p>Run with the java launcher and the token issuer on the class path ({@code BENCH_TOKEN_CP} of
 * bench/platform.sh): {@code java -cp $BENCH_TOKEN_CP bench/HttpLoad.java book <gatewayUrl>
 * <firstSpotId> <lastSpotId> <clients> <seconds>} or {@code ... read <gatewayUrl> <lotId> <clients>
 * <seconds>}. Each booking client is a driver of its own with a development token signed with
 * {@code PARKING_SECURITY_JWT_SECRET}; reads are anonymous, as a kiosk page sends them.
 */
public class HttpLoad {

  private static final DevTokens TOKENS = new DevTokens(TokenSettings.fromEnvironment());

  public static void main(String[] args) throws Exception {
    if (args.length == 6 && args[0].equals("book")) {
      String gateway = args[1];
      long firstSpot = Long.parseLong(args[2]);
      long lastSpot = Long.parseLong(args[3]);
      Instant base = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
      run(
          "gateway bookings",
          Integer.parseInt(args[4]),
          Duration.ofSeconds(Long.parseLong(args[5])),
          201,
          client -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            long spot = random.nextLong(firstSpot, lastSpot + 1);
            Instant start = base.plus(random.nextInt(24 * 80), ChronoUnit.HOURS);
            String body =
                "{\"spotId\": %d, \"startTime\": \"%s\", \"endTime\": \"%s\"}"
                    .formatted(spot, start, start.plus(1, ChronoUnit.HOURS));
            return HttpRequest.newBuilder(URI.create(gateway + "/api/bookings"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + driverToken(client))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
          });
    } else if (args.length == 5 && args[0].equals("read")) {
      URI uri = URI.create(args[1] + "/api/lots/" + Long.parseLong(args[2]) + "/availability");
      run(
          "gateway availability reads",
          Integer.parseInt(args[3]),
          Duration.ofSeconds(Long.parseLong(args[4])),
          200,
          client -> HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build());
    } else {
      System.err.println(
          "usage: java HttpLoad.java book <gatewayUrl> <firstSpotId> <lastSpotId> <clients> <seconds>\n"
              + "       java HttpLoad.java read <gatewayUrl> <lotId> <clients> <seconds>");
      System.exit(2);
    }
  }

  private static String driverToken(int client) {
    return TOKENS.mint("bench-driver-" + client, List.of(Roles.DRIVER), Duration.ofHours(1));
  }

  /**
   * Runs {@code clients} threads sending the requests {@code next} builds until {@code length}
   * has passed, and prints the figures. {@code success} is the status that counts as done; 409
   * counts as a conflict and anything else, or an exception, as an error.
   */
  private static void run(
      String label,
      int clients,
      Duration length,
      int success,
      java.util.function.IntFunction<HttpRequest> next)
      throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    AtomicLong succeeded = new AtomicLong();
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
      int clientNumber = client;
      runs.add(
          pool.submit(
              () -> {
                while (System.nanoTime() < deadline) {
                  HttpRequest request = next.apply(clientNumber);
                  long sent = System.nanoTime();
                  try {
                    int status =
                        http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    mine.add(System.nanoTime() - sent);
                    if (status == success) {
                      succeeded.incrementAndGet();
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
        "%s: clients=%d seconds=%.1f attempts=%d succeeded=%d conflicts=%d errors=%d%n",
        label, clients, seconds, all.length, succeeded.get(), conflicts.get(), errors.get());
    System.out.printf(
        "%s: %.0f succeeded/s, %.0f requests/s, p50 %.2f ms, p99 %.2f ms%n",
        label,
        succeeded.get() / seconds,
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
