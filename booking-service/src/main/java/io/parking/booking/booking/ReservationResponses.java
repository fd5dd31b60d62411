package io.parking.booking.booking;

import static io.parking.booking.booking.BookingApiDocs.CREATED;
import static io.parking.booking.booking.BookingApiDocs.JSON;
import static io.parking.booking.booking.BookingApiDocs.LOCATION;
import static io.parking.booking.booking.BookingApiDocs.LOCATION_DESCRIPTION;
import static io.parking.booking.booking.BookingApiDocs.REPLAYED;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * OpenAPI success responses of both reserve endpoints: 201 with the new booking, or 200 with the
 * booking a repeated Idempotency-Key created, each with its Location header.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(
    responseCode = "201",
    description = CREATED,
    headers =
        @Header(
            name = LOCATION,
            description = LOCATION_DESCRIPTION,
            schema = @Schema(type = "string", format = "uri")),
    content = @Content(mediaType = JSON, schema = @Schema(implementation = BookingResponse.class)))
@ApiResponse(
    responseCode = "200",
    description = REPLAYED,
    headers =
        @Header(
            name = LOCATION,
            description = LOCATION_DESCRIPTION,
            schema = @Schema(type = "string", format = "uri")),
    content = @Content(mediaType = JSON, schema = @Schema(implementation = BookingResponse.class)))
@interface ReservationResponses {}
