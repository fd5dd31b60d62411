package io.parking.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RateLimitArithmeticTest {

  @ParameterizedTest(name = "rate {0}, requested {1}, remaining {2} -> {3} s")
  @CsvSource({
    "2, 1, 0, 1",
    "1, 1, 0, 1",
    "1, 5, 0, 5",
    "1, 5, 3, 2",
    "2, 5, 0, 3",
    "10, 1, -1, 1",
  })
  void retryAfterCoversMissingTokens(int rate, int requested, long remaining, long expected) {
    RateLimitProperties.Limit limit = new RateLimitProperties.Limit(rate, 10, requested);

    assertThat(RedisRequestRateLimits.retryAfterSeconds(limit, remaining)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "rate {0}, burst {1}, requested {2}")
  @CsvSource({
    "2, 10, 1, 'bursts of 10 requests, then 2 per second'",
    "1, 10, 4, 'bursts of 2 requests, then 0.25 per second'",
  })
  void allowanceDescribesRequests(int rate, long burst, int requested, String expected) {
    RateLimitProperties.Limit limit = new RateLimitProperties.Limit(rate, burst, requested);

    assertThat(RateLimitFilter.allowance(limit)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "rate {0}, burst {1}, requested {2}")
  @CsvSource({"0, 10, 1", "1, 0, 1", "1, 10, 11", "1, 10, -1"})
  void invalidLimitRejected(int rate, long burst, int requested) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new RateLimitProperties.Limit(rate, burst, requested))
        .withMessageContaining("rate limit");
  }
}
