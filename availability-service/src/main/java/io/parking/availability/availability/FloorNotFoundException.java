package io.parking.availability.availability;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The lot has counts in Redis, but none of its floors has the requested id. */
class FloorNotFoundException extends ErrorResponseException {

  FloorNotFoundException(long lotId, long floorId) {
    super(HttpStatus.NOT_FOUND, problem(lotId, floorId), null);
  }

  private static ProblemDetail problem(long lotId, long floorId) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.NOT_FOUND,
            "Lot "
                + lotId
                + " has no floor "
                + floorId
                + ". GET /api/lots/"
                + lotId
                + "/availability lists the lot's floors.");
    problem.setType(URI.create("https://parking.example/problems/floor-not-found"));
    problem.setTitle("Floor not found");
    problem.setProperty("lotId", lotId);
    problem.setProperty("floorId", floorId);
    return problem;
  }
}
