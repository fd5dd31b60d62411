package io.parking.availability.availability;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The lot has no counts in Redis: it does not exist, or its counts are still being built. */
class LotNotFoundException extends ErrorResponseException {

  LotNotFoundException(long lotId) {
    super(HttpStatus.NOT_FOUND, problem(lotId), null);
  }

  private static ProblemDetail problem(long lotId) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.NOT_FOUND,
            "Lot "
                + lotId
                + " is unknown, or its counts are still being built from the booking service."
                + " Check the lot id, or retry in a few seconds.");
    problem.setType(URI.create("https://parking.example/problems/lot-not-found"));
    problem.setTitle("Lot not found");
    problem.setProperty("lotId", lotId);
    return problem;
  }
}
