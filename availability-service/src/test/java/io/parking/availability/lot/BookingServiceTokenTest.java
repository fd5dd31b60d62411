package io.parking.availability.lot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parking.availability.IntegrationTest;
import io.parking.availability.TestLots;
import io.parking.support.security.Roles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Calls of {@link BookingServiceClient} carry a valid token with the {@code service} role. The stub
 * verifies each token as the booking service does, and serves nothing without one.
 */
class BookingServiceTokenTest extends IntegrationTest {

  private static final long LOT = TestLots.API_LOT.lotId();

  @Autowired private BookingServiceClient bookingService;

  @Test
  void scheduledCallsCarryValidServiceToken() {
    int acceptedBefore = BOOKING_SERVICE.acceptedRequests();
    int rejectionsBefore = BOOKING_SERVICE.rejections().size();

    // The lot builder lists the lots every 200 ms in these tests.
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> BOOKING_SERVICE.acceptedRequests() >= acceptedBefore + 2);

    assertThat(BOOKING_SERVICE.rejections()).hasSize(rejectionsBefore);
    Jwt token = BOOKING_SERVICE.lastAcceptedToken();
    assertThat(token.getSubject()).isEqualTo("availability-service");
    assertThat(token.getClaimAsStringList(Roles.CLAIM)).containsExactly(Roles.SERVICE);
    assertThat(token.getExpiresAt()).isAfter(Instant.now());
  }

  @Test
  void layoutFetchCarriesServiceToken() {
    int layoutRequestsBefore = BOOKING_SERVICE.layoutRequests(LOT);
    int rejectionsBefore = BOOKING_SERVICE.rejections().size();

    bookingService.fetchLayout(LOT);

    assertThat(BOOKING_SERVICE.layoutRequests(LOT)).isGreaterThan(layoutRequestsBefore);
    assertThat(BOOKING_SERVICE.rejections()).hasSize(rejectionsBefore);
    Jwt token = BOOKING_SERVICE.lastAcceptedToken();
    assertThat(token.getClaimAsStringList(Roles.CLAIM)).containsExactly(Roles.SERVICE);
  }

  @Test
  void stubRejectsCallWithoutToken() throws Exception {
    int rejectionsBefore = BOOKING_SERVICE.rejections().size();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(BOOKING_SERVICE.url() + "/api/lots")).build();

    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(401);
    List<String> rejections = BOOKING_SERVICE.rejections();
    assertThat(rejections).hasSize(rejectionsBefore + 1);
    assertThat(rejections.get(rejections.size() - 1)).contains("no bearer token");
  }
}
