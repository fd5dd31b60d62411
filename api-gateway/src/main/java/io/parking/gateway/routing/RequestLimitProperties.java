package io.parking.gateway.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code parking.gateway.request.*}: limits on what a caller may send.
 *
 * @param maxBodySize largest request body the gateway forwards; a larger one gets 413
 */
@ConfigurationProperties("parking.gateway.request")
record RequestLimitProperties(DataSize maxBodySize) {

  RequestLimitProperties {
    if (maxBodySize == null
        || maxBodySize.toBytes() < 1
        || maxBodySize.toBytes() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "parking.gateway.request.max-body-size is "
              + maxBodySize
              + ": set a size between 1B and 2GB, such as 64KB");
    }
  }
}
