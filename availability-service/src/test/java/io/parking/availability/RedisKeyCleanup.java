package io.parking.availability;

import java.util.Set;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Fails the test context at start-up when Redis is unreachable, and deletes this run's keys and
 * stops the booking service stub when the context closes.
 *
 * <p>Stops in phase 1: after the task scheduler and the Kafka listener containers (higher phases),
 * so no lot build or event writes keys again, and before the Lettuce connection factory (phase 0),
 * so Redis can still be reached.
 */
@TestComponent
class RedisKeyCleanup implements SmartLifecycle {

  private final StringRedisTemplate redis;
  private volatile boolean running;

  RedisKeyCleanup(StringRedisTemplate redis) {
    this.redis = redis;
  }

  @Override
  public void start() {
    try {
      redis.execute(connection -> connection.ping(), true);
    } catch (RuntimeException exception) {
      throw new IllegalStateException(
          "Redis at REDIS_HOST:REDIS_PORT (default 127.0.0.1:6379) is unreachable. These tests"
              + " need a running Redis server",
          exception);
    }
    running = true;
  }

  @Override
  public void stop() {
    Set<String> keys = redis.keys(IntegrationTest.KEY_PREFIX + "*");
    if (keys != null && !keys.isEmpty()) {
      redis.delete(keys);
    }
    IntegrationTest.BOOKING_SERVICE.stop();
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return 1;
  }
}
