package io.parking.availability;

import io.parking.availability.store.LotCounts;
import io.parking.availability.store.SpotAvailabilityStore;
import io.parking.events.Topics;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that run the whole service: the Redis server at REDIS_HOST:REDIS_PORT (default
 * 127.0.0.1:6379) under a key prefix unique to this run, an embedded Kafka broker, and a booking
 * service stub. Every subclass shares one Spring context and uses its own lots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@EmbeddedKafka(
    partitions = 1,
    topics = {Topics.BOOKING_EVENTS, Topics.BOOKING_EVENTS + Topics.DEAD_LETTER_SUFFIX},
    bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@Import(RedisKeyCleanup.class)
public abstract class IntegrationTest {

  protected static final String KEY_PREFIX = "test-availability-" + UUID.randomUUID() + ":";

  protected static final BookingServiceStub BOOKING_SERVICE = BookingServiceStub.start();

  static {
    TestLots.putAll(BOOKING_SERVICE);
  }

  @Autowired protected SpotAvailabilityStore store;
  @Autowired protected StringRedisTemplate redis;

  @DynamicPropertySource
  static void serviceProperties(DynamicPropertyRegistry registry) {
    registry.add("parking.availability.redis-key-prefix", () -> KEY_PREFIX);
    registry.add("parking.availability.booking-service.url", BOOKING_SERVICE::url);
    registry.add("parking.availability.rebuild-interval", () -> "200ms");
    registry.add("parking.availability.marker-check-interval", () -> "1s");
    // Tests run the reconciliation pass themselves, so the scheduled one stays out of the way.
    registry.add("parking.availability.reconcile.interval", () -> "1h");
    registry.add("parking.availability.reconcile.settle", () -> "0s");
    registry.add("parking.availability.read.stream-poll-interval", () -> "100ms");
    registry.add("parking.availability.read.stream-heartbeat", () -> "1s");
  }

  /** Reads the free spots of a floor from Redis, failing when the lot or floor is missing. */
  protected long freeSpots(long lotId, long floorId) {
    LotCounts counts =
        store
            .readLot(lotId)
            .orElseThrow(() -> new AssertionError("lot " + lotId + " is not in Redis"));
    return counts.floors().stream()
        .filter(floor -> floor.floorId() == floorId)
        .findFirst()
        .orElseThrow(() -> new AssertionError("lot " + lotId + " has no floor " + floorId))
        .free();
  }
}
