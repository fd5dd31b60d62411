package io.parking.iot.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the Redis spot store.
 *
 * @param keyPrefix prefix of every Redis key, empty in production; tests use a unique one per run
 */
@ConfigurationProperties("parking.redis")
public record StoreProperties(String keyPrefix) {

  public StoreProperties {
    keyPrefix = keyPrefix == null ? "" : keyPrefix;
  }
}
