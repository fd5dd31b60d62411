package io.parking.gateway.ratelimit;

import java.nio.charset.StandardCharsets;
import org.springframework.data.redis.serializer.RedisSerializer;

/** Writes Redis keys as UTF-8 with a fixed prefix, so that test runs do not share buckets. */
final class PrefixedKeySerializer implements RedisSerializer<String> {

  private final String prefix;

  PrefixedKeySerializer(String prefix) {
    this.prefix = prefix;
  }

  @Override
  public byte[] serialize(String key) {
    return key == null ? null : (prefix + key).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String deserialize(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    String key = new String(bytes, StandardCharsets.UTF_8);
    return key.startsWith(prefix) ? key.substring(prefix.length()) : key;
  }
}
