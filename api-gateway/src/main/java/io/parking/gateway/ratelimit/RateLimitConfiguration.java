package io.parking.gateway.ratelimit;

import io.lettuce.core.ClientOptions;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.serializer.RedisSerializationContext;
import org.springframework.data.redis.serializer.RedisSerializer;

/** Wires the Redis-backed rate limits with the configured key prefix. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

  /**
   * Uses its own limiter rather than the gateway's {@code redisRateLimiter} bean, so that its Redis
   * template can put the key prefix in front of every key the Lua script touches.
   */
  @Bean
  RedisRequestRateLimits redisRequestRateLimits(
      ReactiveRedisConnectionFactory connections,
      @Qualifier("redisRequestRateLimiterScript") RedisScript<List<Long>> script,
      ConfigurationService configurationService,
      RateLimitProperties properties) {
    RedisSerializationContext<String, String> serialization =
        RedisSerializationContext.<String, String>newSerializationContext(RedisSerializer.string())
            .key(new PrefixedKeySerializer(properties.keyPrefix()))
            .build();
    ReactiveStringRedisTemplate redis = new ReactiveStringRedisTemplate(connections, serialization);
    return new RedisRequestRateLimits(
        new RedisRateLimiter(redis, script, configurationService), properties);
  }

  /**
   * Fails Redis commands at once while the connection is down, instead of queueing them until the
   * command timeout, so that requests pass without a rate limit check and without delay.
   */
  @Bean
  LettuceClientOptionsBuilderCustomizer rejectRedisCommandsWhileDisconnected() {
    return options ->
        options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
  }
}
