package io.parking.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;

class KioskPageTest extends GatewayTestSupport {

  @Test
  void pageServedAsHtml() {
    String page =
        client
            .get()
            .uri("/kiosk/index.html?lot=1")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.TEXT_HTML)
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();

    assertThat(page).contains("<script src=\"kiosk.js\"");
    assertThat(page).contains("href=\"kiosk.css\"");
    assertThat(page).contains("Counts unavailable, retrying");
    assertThat(page).doesNotContain("http://", "https://");
  }

  @Test
  void scriptServedAsJavaScript() {
    String script =
        client
            .get()
            .uri("/kiosk/kiosk.js")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .value("Content-Type", type -> assertThat(type).contains("javascript"))
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();

    assertThat(script).contains("/availability");
  }

  @Test
  void stylesheetServedAsCss() {
    client
        .get()
        .uri("/kiosk/kiosk.css")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.parseMediaType("text/css"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "/kiosk?lot=1, /kiosk/index.html?lot=1",
    "/kiosk/?lot=3&refresh=10, /kiosk/index.html?lot=3&refresh=10",
    "/kiosk, /kiosk/index.html",
  })
  void shortAddressRedirectsToPage(String address, String location) {
    client.get().uri(address).exchange().expectStatus().isFound().expectHeader().location(location);
  }
}
