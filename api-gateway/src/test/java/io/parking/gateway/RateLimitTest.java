package io.parking.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class RateLimitTest extends GatewayTestSupport {

  private static final Duration BATCH_TIMEOUT = Duration.ofSeconds(90);

  @Autowired ReactiveStringRedisTemplate redis;

  /** One response, with the caller that sent the request. */
  private record Outcome(String caller, int status, HttpHeaders headers, String body) {}

  @Test
  void writesLimitedPerDriver() {
    String flooder = "driver-flood-" + UUID.randomUUID();
    String other = "driver-calm-" + UUID.randomUUID();
    String flooderToken = driver(flooder);
    String otherToken = driver(other);
    WebClient web = webClient(clientAddress);

    Flux<Outcome> flood =
        Flux.range(0, 200).flatMap(i -> send(web, HttpMethod.POST, flooder, flooderToken), 32);
    Flux<Outcome> calm =
        Flux.range(0, 5)
            .delayElements(Duration.ofMillis(20))
            .concatMap(i -> send(web, HttpMethod.POST, other, otherToken));
    List<Outcome> outcomes = Flux.merge(flood, calm).collectList().block(BATCH_TIMEOUT);

    List<Outcome> flooderOutcomes = of(outcomes, flooder);
    List<Outcome> rejected = withStatus(flooderOutcomes, 429);
    assertThat(rejected).as("429 answers to the flooding driver").isNotEmpty();
    assertThat(withStatus(flooderOutcomes, 200))
        .as("accepted writes of the flooding driver, at least the burst capacity")
        .hasSizeGreaterThanOrEqualTo(10);
    assertThat(of(outcomes, other)).extracting(Outcome::status).containsOnly(200);
    rejected.forEach(outcome -> assertTooManyRequests(outcome, "writes"));

    long accepted = outcomes.stream().filter(outcome -> outcome.status() == 200).count();
    assertThat(BOOKING.requests())
        .as("writes that reached the booking stub")
        .hasSize((int) accepted);
  }

  @Test
  void bucketKeysCarryRunPrefix() {
    String subject = "driver-keys-" + UUID.randomUUID();

    send(webClient(clientAddress), HttpMethod.POST, subject, driver(subject)).block(BATCH_TIMEOUT);

    String key = "request_rate_limiter.{writes.user:" + subject + "}.tokens";
    assertThat(redis.hasKey(KEY_PREFIX + key).block()).as("prefixed key").isTrue();
    assertThat(redis.hasKey(key).block()).as("key without prefix").isFalse();
  }

  @Test
  void anonymousReadsLimitedPerAddress() {
    String crowded = clientAddress;
    WebClient fromCrowded = webClient(crowded);
    WebClient fromElsewhere = webClient(newClientAddress());
    String driverToken = driver("driver-reader-" + UUID.randomUUID());

    List<Outcome> flood =
        Flux.range(0, 200)
            .flatMap(i -> send(fromCrowded, HttpMethod.GET, "anonymous", null), 32)
            .collectList()
            .block(BATCH_TIMEOUT);
    List<Outcome> elsewhere =
        Flux.range(0, 5)
            .concatMap(i -> send(fromElsewhere, HttpMethod.GET, "anonymous", null))
            .collectList()
            .block(BATCH_TIMEOUT);
    List<Outcome> withToken =
        Flux.range(0, 5)
            .concatMap(i -> send(fromCrowded, HttpMethod.GET, "driver", driverToken))
            .collectList()
            .block(BATCH_TIMEOUT);

    List<Outcome> rejected = withStatus(flood, 429);
    assertThat(rejected).as("429 answers to the crowded address").isNotEmpty();
    rejected.forEach(outcome -> assertTooManyRequests(outcome, "anonymous-reads"));
    assertThat(elsewhere).extracting(Outcome::status).as("another address").containsOnly(200);
    assertThat(withToken)
        .extracting(Outcome::status)
        .as("a driver at that address")
        .containsOnly(200);
  }

  private static void assertTooManyRequests(Outcome outcome, String limit) {
    String retryAfter = outcome.headers().getFirst(HttpHeaders.RETRY_AFTER);
    assertThat(retryAfter).as("Retry-After").isNotNull().matches("[1-9][0-9]*");
    assertThat(outcome.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(outcome.headers().getFirst("X-Correlation-Id")).isNotBlank();
    assertThat((String) JsonPath.read(outcome.body(), "$.type"))
        .isEqualTo("https://parking.example/problems/too-many-requests");
    assertThat((Integer) JsonPath.read(outcome.body(), "$.status")).isEqualTo(429);
    assertThat((String) JsonPath.read(outcome.body(), "$.limit")).isEqualTo(limit);
    assertThat(JsonPath.read(outcome.body(), "$.retryAfterSeconds").toString())
        .isEqualTo(retryAfter);
    assertThat((String) JsonPath.read(outcome.body(), "$.detail"))
        .contains("the " + limit + " limit", "Retry after " + retryAfter + " second");
  }

  private WebClient webClient(String address) {
    return WebClient.builder()
        .baseUrl("http://127.0.0.1:" + port)
        .defaultHeader("X-Forwarded-For", address)
        .build();
  }

  /** Sends a booking write or an availability read; {@code token} may be null. */
  private static Mono<Outcome> send(WebClient web, HttpMethod method, String caller, String token) {
    WebClient.RequestBodySpec request =
        web.method(method)
            .uri(method == HttpMethod.GET ? "/api/lots/1/availability" : "/api/bookings");
    if (token != null) {
      request.header(HttpHeaders.AUTHORIZATION, token);
    }
    if (method != HttpMethod.GET) {
      request.contentType(MediaType.APPLICATION_JSON).bodyValue("{\"spotId\":17}");
    }
    return request.exchangeToMono(
        response ->
            response
                .bodyToMono(String.class)
                .defaultIfEmpty("")
                .map(
                    body ->
                        new Outcome(
                            caller,
                            response.statusCode().value(),
                            response.headers().asHttpHeaders(),
                            body)));
  }

  private static List<Outcome> of(List<Outcome> outcomes, String caller) {
    return filter(outcomes, outcome -> outcome.caller().equals(caller));
  }

  private static List<Outcome> withStatus(List<Outcome> outcomes, int status) {
    return filter(outcomes, outcome -> outcome.status() == status);
  }

  private static List<Outcome> filter(List<Outcome> outcomes, Predicate<Outcome> condition) {
    return outcomes.stream().filter(condition).toList();
  }
}
