package io.parking.support.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

class ProblemDetailsExceptionHandlerTest {

  private static final String TYPE_BASE = "https://parking.example/problems/";

  record Item(String name, int count) {}

  static class ItemMissingException extends RuntimeException {
    ItemMissingException(UUID id) {
      super("No item " + id);
    }
  }

  @RestController
  static class ItemController {

    @GetMapping("/items/{id}")
    Item find(@PathVariable UUID id) {
      throw new ItemMissingException(id);
    }

    @GetMapping("/items")
    Item search(@RequestParam String name) {
      return new Item(name, 1);
    }

    @PostMapping("/items")
    Item create(@RequestBody Item item) {
      return item;
    }

    @GetMapping("/broken")
    Item broken() {
      throw new IllegalStateException("secret connection string");
    }
  }

  /** A service's handler: the shared handling plus one domain exception. */
  @RestControllerAdvice
  static class ItemExceptionHandler extends ProblemDetailsExceptionHandler {

    @ExceptionHandler(ItemMissingException.class)
    ProblemDetail handleMissing(ItemMissingException ex) {
      return problem(HttpStatus.NOT_FOUND, "item-not-found", "Item not found", ex.getMessage());
    }
  }

  private final MockMvc mvc =
      MockMvcBuilders.standaloneSetup(new ItemController())
          .setControllerAdvice(new ItemExceptionHandler())
          .build();

  @Test
  void subclassHandlerUsesProblemHelper() throws Exception {
    UUID id = UUID.randomUUID();

    mvc.perform(get("/items/{id}", id))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value(TYPE_BASE + "item-not-found"))
        .andExpect(jsonPath("$.title").value("Item not found"))
        .andExpect(jsonPath("$.detail").value("No item " + id));
  }

  @Test
  void typeMismatchNamesParameter() throws Exception {
    mvc.perform(get("/items/{id}", "not-a-uuid"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value(TYPE_BASE + "invalid-request"))
        .andExpect(jsonPath("$.title").value("Invalid request"))
        .andExpect(
            jsonPath("$.detail")
                .value(
                    "Parameter 'id' has the value 'not-a-uuid', which is not a UUID such as"
                        + " 123e4567-e89b-12d3-a456-426614174000."))
        .andExpect(jsonPath("$.errors[0].field").value("id"))
        .andExpect(
            jsonPath("$.errors[0].message")
                .value("must be a UUID such as 123e4567-e89b-12d3-a456-426614174000"));
  }

  @Test
  void missingParameterNamesIt() throws Exception {
    mvc.perform(get("/items"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value(TYPE_BASE + "invalid-request"))
        .andExpect(
            jsonPath("$.detail")
                .value("Query parameter 'name' is missing. Add ?name=... to the request."))
        .andExpect(jsonPath("$.errors[0].field").value("name"))
        .andExpect(jsonPath("$.errors[0].message").value("is required"));
  }

  @Test
  void malformedBodyNamesField() throws Exception {
    mvc.perform(
            post("/items")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"cone\", \"count\": \"three\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value(TYPE_BASE + "invalid-request"))
        .andExpect(
            jsonPath("$.detail")
                .value("The request body is not valid JSON for this endpoint at 'count'."))
        .andExpect(jsonPath("$.errors[0].field").value("count"))
        .andExpect(jsonPath("$.errors[0].message").value("is malformed"));
  }

  @Test
  void unparsableBodyNamesBody() throws Exception {
    mvc.perform(post("/items").contentType(MediaType.APPLICATION_JSON).content("{\"name\": "))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("body"))
        .andExpect(jsonPath("$.errors[0].message").value("is malformed"));
  }

  @Test
  void springProblemGetsStatusType() throws Exception {
    mvc.perform(delete("/items"))
        .andExpect(status().isMethodNotAllowed())
        .andExpect(jsonPath("$.type").value(TYPE_BASE + "method-not-allowed"));
  }

  @Test
  void unexpectedErrorHidesMessage() throws Exception {
    mvc.perform(get("/broken"))
        .andExpect(status().isInternalServerError())
        .andExpect(jsonPath("$.type").value(TYPE_BASE + "internal-error"))
        .andExpect(jsonPath("$.title").value("Internal error"))
        .andExpect(
            jsonPath("$.detail")
                .value(
                    "The service failed to handle the request. Retry later; the service log has"
                        + " the cause."));
  }
}
