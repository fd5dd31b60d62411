package io.parking.availability.lot;

import io.parking.availability.config.AvailabilityProperties;
import io.parking.availability.store.LotLayout;
import io.parking.support.security.ServiceTokens;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads lots and lot layouts from the booking service. Every call carries a bearer token with the
 * {@code service} role from {@link ServiceTokens}, which the booking service requires on both
 * endpoints. Every call fails with a {@link org.springframework.web.client.RestClientException}
 * when the service is unreachable, times out or returns an error status, 401 and 403 included.
 */
@Component
public class BookingServiceClient {

  private final RestClient restClient;
  private final JsonMapper mapper;

  BookingServiceClient(
      AvailabilityProperties properties, JsonMapper mapper, ServiceTokens serviceTokens) {
    AvailabilityProperties.BookingService bookingService = properties.bookingService();
    HttpClient httpClient =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(bookingService.connectTimeout())
            .build();
    var requestFactory = new JdkClientHttpRequestFactory(httpClient);
    requestFactory.setReadTimeout(bookingService.readTimeout());
    this.restClient =
        RestClient.builder()
            .baseUrl(bookingService.url().toString())
            .requestFactory(requestFactory)
            // Set per request, because ServiceTokens renews its token a minute before it expires.
            .requestInterceptor(
                (request, body, execution) -> {
                  request
                      .getHeaders()
                      .set(HttpHeaders.AUTHORIZATION, serviceTokens.authorizationHeader());
                  return execution.execute(request, body);
                })
            .build();
    this.mapper = mapper;
  }

  /** Lists the ids of all lots from {@code GET /api/lots}. */
  List<Long> listLotIds() {
    String body =
        restClient
            .get()
            .uri("/api/lots")
            .accept(MediaType.APPLICATION_JSON)
            .retrieve()
            .body(String.class);
    return lotIds(mapper.readTree(body == null ? "" : body));
  }

  /**
   * Reads a lot's floors and spots with their states from {@code GET /internal/lots/{id}/layout}.
   */
  public LotLayout fetchLayout(long lotId) {
    String body =
        restClient
            .get()
            .uri("/internal/lots/{lotId}/layout", lotId)
            .accept(MediaType.APPLICATION_JSON)
            .retrieve()
            .body(String.class);
    if (body == null) {
      throw new InvalidLayoutException("layout of lot " + lotId + " has an empty body");
    }
    return mapper.readValue(body, LayoutResponse.class).toLotLayout(lotId);
  }

  /**
   * Extracts the lot ids from a lot list: each lot's numeric {@code lotId}, or its {@code id} when
   * {@code lotId} is absent.
   */
  static List<Long> lotIds(JsonNode lots) {
    if (!lots.isArray()) {
      throw new InvalidLayoutException("lot list is not a JSON array: " + lots.getNodeType());
    }
    List<Long> ids = new ArrayList<>();
    for (JsonNode lot : lots) {
      JsonNode id = lot.has("lotId") ? lot.get("lotId") : lot.get("id");
      if (id == null || !id.isIntegralNumber()) {
        throw new InvalidLayoutException("lot without a numeric lotId or id in the lot list");
      }
      ids.add(id.longValue());
    }
    return ids;
  }
}
