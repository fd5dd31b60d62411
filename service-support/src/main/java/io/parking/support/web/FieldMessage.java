package io.parking.support.web;

/**
 * One entry of a problem detail's {@code errors} list.
 *
 * @param field request parameter, header or body field that was rejected
 * @param message what is wrong with it
 */
public record FieldMessage(String field, String message) {}
