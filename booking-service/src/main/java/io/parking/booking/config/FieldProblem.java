package io.parking.booking.config;

/**
 * One invalid input value in a problem detail's {@code errors} list.
 *
 * @param field name of the JSON field, header, path variable or token claim
 * @param message what is wrong with it
 */
public record FieldProblem(String field, String message) {}
