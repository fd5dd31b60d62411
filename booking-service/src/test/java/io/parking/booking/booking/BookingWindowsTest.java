package io.parking.booking.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.parking.booking.support.Http;
import io.parking.booking.support.Http.Response;
import io.parking.booking.support.IntegrationTest;
import io.parking.booking.support.TestLots;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

class BookingWindowsTest extends IntegrationTest {

  private static final String PROBLEMS = "https://parking.example/problems/";
  private static final String DAY = "2026-12-04T";

  @LocalServerPort private int port;
  @Autowired private JsonMapper mapper;
  @Autowired private JdbcClient jdbc;

  private Http http;

  @BeforeEach
  void setUp() {
    clock.set(Instant.parse("2026-12-01T00:00:00Z"));
    http = new Http(port, mapper);
  }

  static Stream<Arguments> overlappingWindows() {
    return Stream.of(
        Arguments.of("10:00", "18:00"),
        Arguments.of("08:00", "09:30"),
        Arguments.of("11:00", "12:00"),
        Arguments.of("09:00", "12:00"),
        Arguments.of("12:00", "17:00"),
        Arguments.of("07:00", "19:00"),
        Arguments.of("09:00", "17:00"));
  }

  @ParameterizedTest(name = "{0}-{1} overlaps 09:00-17:00")
  @MethodSource("overlappingWindows")
  void overlappingWindowConflicts(String start, String end) {
    long spotId = TestLots.create(jdbc, 1).spot(0);
    assertThat(reserve(spotId, local("09:00"), local("17:00")).status()).isEqualTo(201);
    long versionBefore = TestLots.version(jdbc, spotId);

    Response response = reserve(spotId, local(start), local(end));

    assertThat(response.status()).isEqualTo(409);
    assertThat(response.type()).isEqualTo(PROBLEMS + "spot-unavailable");
    assertThat(TestLots.bookingCount(jdbc, spotId)).isEqualTo(1);
    assertThat(TestLots.version(jdbc, spotId)).isEqualTo(versionBefore);
  }

  @Test
  void backToBackWindowsSucceed() {
    long spotId = TestLots.create(jdbc, 1).spot(0);
    assertThat(reserve(spotId, local("09:00"), local("17:00")).status()).isEqualTo(201);

    Response after = reserve(spotId, local("17:00"), local("18:00"));
    Response before = reserve(spotId, local("08:00"), local("09:00"));

    assertThat(after.status()).isEqualTo(201);
    assertThat(before.status()).isEqualTo(201);
    assertThat(TestLots.liveBookingCount(jdbc, spotId)).isEqualTo(3);
    assertThat(TestLots.status(jdbc, spotId)).isEqualTo("reserved");
    assertThat(TestLots.version(jdbc, spotId)).isEqualTo(3);
  }

  @Test
  void localTimeInFallBackIsAmbiguous() {
    clock.set(Instant.parse("2025-10-01T00:00:00Z"));
    long spotId = TestLots.createInZone(jdbc, "America/New_York", 1).spot(0);

    Response response = reserve(spotId, "2025-11-02T01:30", "2025-11-02T03:00");

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.type()).isEqualTo(PROBLEMS + "invalid-booking-window");
    assertThat(fieldsOf(response)).containsExactly("startTime");
    assertThat(response.body().path("errors").get(0).get("message").asString())
        .contains("ambiguous");
    assertThat(TestLots.bookingCount(jdbc, spotId)).isZero();
  }

  @Test
  void springForwardGapTimeIsRejected() {
    clock.set(Instant.parse("2025-03-01T00:00:00Z"));
    long spotId = TestLots.createInZone(jdbc, "America/New_York", 1).spot(0);

    Response response = reserve(spotId, "2025-03-09T01:00", "2025-03-09T02:30");

    assertThat(response.status()).isEqualTo(422);
    assertThat(fieldsOf(response)).containsExactly("endTime");
    assertThat(response.body().path("errors").get(0).get("message").asString())
        .contains("does not exist");
    assertThat(TestLots.bookingCount(jdbc, spotId)).isZero();
  }

  @Test
  void windowOverFallBackLastsFiveHours() {
    clock.set(Instant.parse("2025-10-01T00:00:00Z"));
    long spotId = TestLots.createInZone(jdbc, "America/New_York", 1).spot(0);

    Response response = reserve(spotId, "2025-11-01T23:00", "2025-11-02T03:00");

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.body().get("startTime").asString()).isEqualTo("2025-11-01T23:00:00-04:00");
    assertThat(response.body().get("endTime").asString()).isEqualTo("2025-11-02T03:00:00-05:00");
    Instant start = Instant.parse("2025-11-02T03:00:00Z");
    Instant end = Instant.parse("2025-11-02T08:00:00Z");
    assertThat(Duration.between(start, end)).isEqualTo(Duration.ofHours(5));
    assertThat(storedWindow(response.bookingId())).containsExactly(start, end);
  }

  @Test
  void instantWithOffsetRendersInLotZone() {
    long spotId = TestLots.create(jdbc, 1).spot(0);

    Response response = reserve(spotId, "2026-12-04T09:00:00Z", "2026-12-04T10:00:00Z");

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.body().get("startTime").asString()).isEqualTo("2026-12-04T10:00:00+01:00");
    assertThat(response.body().get("endTime").asString()).isEqualTo("2026-12-04T11:00:00+01:00");
  }

  static Stream<Arguments> invalidWindows() {
    return Stream.of(
        Arguments.of(
            "start in the past", "2026-11-30T23:50:00Z", "2026-12-01T02:00:00Z", 422, "startTime"),
        Arguments.of(
            "start within the past tolerance",
            "2026-11-30T23:56:00Z",
            "2026-12-01T02:00:00Z",
            201,
            null),
        Arguments.of(
            "longer than 24 hours", "2026-12-04T10:00:00Z", "2026-12-05T10:00:01Z", 422, "endTime"),
        Arguments.of("exactly 24 hours", "2026-12-04T10:00:00Z", "2026-12-05T10:00:00Z", 201, null),
        Arguments.of(
            "beyond the horizon", "2027-03-01T10:00:00Z", "2027-03-01T12:00:00Z", 422, "startTime"),
        Arguments.of(
            "century-long window", "2026-12-04T10:00:00Z", "2126-12-04T10:00:00Z", 422, "endTime"),
        Arguments.of("year 9999", "9999-12-31T10:00:00Z", "9999-12-31T12:00:00Z", 422, "startTime"),
        Arguments.of("year one", "0001-01-01T10:00:00Z", "0001-01-01T12:00:00Z", 422, "startTime"),
        Arguments.of(
            "largest year Java parses",
            "+999999999-12-31T10:00:00Z",
            "+999999999-12-31T12:00:00Z",
            422,
            "startTime"),
        Arguments.of(
            "end before start", "2026-12-04T12:00:00Z", "2026-12-04T10:00:00Z", 422, "endTime"),
        Arguments.of(
            "year beyond Java's range",
            "+1000000000-01-01T10:00:00Z",
            "2026-12-04T12:00:00Z",
            400,
            "startTime"),
        Arguments.of("hour 25", "2026-12-04T25:00:00Z", "2026-12-04T12:00:00Z", 400, "startTime"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidWindows")
  void windowRulesAreChecked(
      String name, String start, String end, int expectedStatus, String field) {
    long spotId = TestLots.create(jdbc, 1).spot(0);

    Response response = reserve(spotId, start, end);

    assertThat(response.status()).isEqualTo(expectedStatus);
    if (field != null) {
      assertThat(fieldsOf(response)).containsExactly(field);
      assertThat(TestLots.bookingCount(jdbc, spotId)).isZero();
      assertThat(TestLots.version(jdbc, spotId)).isZero();
    }
  }

  @Test
  void hugeSpotIdIsBadRequest() {
    Response response =
        http.post(
            "/api/bookings",
            "driver-1",
            """
            {"spotId": 123456789012345678901234567890, "startTime": "2026-12-04T10:00:00Z",
             "endTime": "2026-12-04T11:00:00Z"}""");

    assertThat(response.status()).isEqualTo(400);
    assertThat(fieldsOf(response)).containsExactly("spotId");
  }

  private Response reserve(long spotId, String start, String end) {
    return http.post(
        "/api/bookings",
        "driver-1",
        """
        {"spotId": %d, "startTime": "%s", "endTime": "%s"}"""
            .formatted(spotId, start, end));
  }

  private List<Instant> storedWindow(String bookingId) {
    return jdbc.sql(
            "SELECT start_time, end_time FROM bookings WHERE booking_id = CAST(:id AS uuid)")
        .param("id", bookingId)
        .query(
            (row, rowNumber) ->
                List.of(
                    row.getObject("start_time", OffsetDateTime.class).toInstant(),
                    row.getObject("end_time", OffsetDateTime.class).toInstant()))
        .single();
  }

  private static String local(String time) {
    return DAY + time;
  }

  static List<String> fieldsOf(Response response) {
    List<String> fields = new ArrayList<>();
    response.body().path("errors").forEach(error -> fields.add(error.get("field").asString()));
    return fields;
  }
}
