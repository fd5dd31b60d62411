package io.parking.availability.reconciliation;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * A lock held by at most one instance of the service, as a Redis key written with {@code SET NX
 * PX}. The key's value is a token unique to the holder, so a holder whose lock expired cannot
 * release the next holder's lock.
 *
 * <p>NOTE: ShedLock would be the usual choice, but its Redis provider ({@code
 * net.javacrumbs.shedlock:shedlock-provider-redis-spring}) does not resolve from the package
 * registry this build uses, so this is the plain Redis pattern. A pass that runs longer than the
 * lock's time to live can overlap the next holder's pass; both only write through compare-and-set.
 */
class ClusterLock {

  private static final RedisScript<Long> RELEASE =
      RedisScript.of(
          "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end"
              + " return 0",
          Long.class);

  private final StringRedisTemplate redis;
  private final String key;

  ClusterLock(StringRedisTemplate redis, String key) {
    this.redis = redis;
    this.key = key;
  }

  /** Takes the lock for at most {@code timeToLive}, returning its token, or null when held. */
  String tryAcquire(Duration timeToLive) {
    String token = UUID.randomUUID().toString();
    Boolean acquired = redis.opsForValue().setIfAbsent(key, token, timeToLive);
    return Boolean.TRUE.equals(acquired) ? token : null;
  }

  /** Releases the lock if the token still holds it. */
  void release(String token) {
    redis.execute(RELEASE, List.of(key), token);
  }
}
