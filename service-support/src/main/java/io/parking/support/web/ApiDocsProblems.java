package io.parking.support.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Documents in every service's OpenAPI what any operation may answer besides its own responses: the
 * RFC 9457 problem detail schema, the bearer token, and the 401, 403, 429 and 503 that the gateway
 * and the security chain send. Error responses a controller declares get the problem schema too.
 */
public class ApiDocsProblems implements OpenApiCustomizer {

  static final String PROBLEM_SCHEMA = "ProblemDetail";
  static final String BEARER_SCHEME = "bearer";

  private static final Map<String, String> COMMON_ERRORS = new LinkedHashMap<>();

  static {
    COMMON_ERRORS.put("401", "No bearer token, or an expired, wrongly signed or foreign one.");
    COMMON_ERRORS.put("403", "The token's roles do not allow this operation.");
    COMMON_ERRORS.put("429", "Too many requests from this driver or address; see Retry-After.");
    COMMON_ERRORS.put("503", "The service is unreachable, timed out or its circuit is open.");
  }

  @Override
  public void customise(OpenAPI openApi) {
    Components components =
        openApi.getComponents() == null ? new Components() : openApi.getComponents();
    openApi.setComponents(components);
    components.addSchemas(PROBLEM_SCHEMA, problemSchema());
    components.addSecuritySchemes(
        BEARER_SCHEME,
        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT"));
    openApi.addSecurityItem(new SecurityRequirement().addList(BEARER_SCHEME));
    if (openApi.getPaths() == null) {
      return;
    }
    openApi
        .getPaths()
        .values()
        .forEach(
            path ->
                path.readOperations()
                    .forEach(
                        operation -> {
                          ApiResponses responses =
                              operation.getResponses() == null
                                  ? new ApiResponses()
                                  : operation.getResponses();
                          operation.setResponses(responses);
                          responses.forEach(
                              (status, response) -> {
                                if (status.startsWith("4") || status.startsWith("5")) {
                                  response.setContent(problemContent());
                                }
                              });
                          COMMON_ERRORS.forEach(
                              (status, description) -> {
                                if (!responses.containsKey(status)) {
                                  responses.addApiResponse(
                                      status,
                                      new ApiResponse()
                                          .description(description)
                                          .content(problemContent()));
                                }
                              });
                        }));
  }

  private static Content problemContent() {
    return new Content()
        .addMediaType(
            "application/problem+json",
            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA)));
  }

  private static Schema<?> problemSchema() {
    return new ObjectSchema()
        .description(
            "An RFC 9457 problem detail. 'errors' lists the fields at fault with the fix, where"
                + " the problem concerns input.")
        .addProperty("type", new StringSchema().example(ProblemJson.TYPE_BASE + "validation"))
        .addProperty("title", new StringSchema())
        .addProperty("status", new IntegerSchema())
        .addProperty("detail", new StringSchema())
        .addProperty("instance", new StringSchema())
        .addProperty(
            "errors",
            new io.swagger.v3.oas.models.media.ArraySchema()
                .items(
                    new ObjectSchema()
                        .addProperty("field", new StringSchema())
                        .addProperty("message", new StringSchema())));
  }
}
