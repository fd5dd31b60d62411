package io.parking.support.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.Constants;

/**
 * Documents in every service's OpenAPI the responses that any operation may return besides its own:
 * the RFC 9457 problem detail schema, the bearer token, and the 401, 403, 429 and 503 that the
 * gateway and the security chain send. Error responses a controller declares get the problem schema
 * too.
 *
 * <p>An operation without a security requirement of its own gets the bearer requirement, with 401
 * and 403. An operation whose security list is explicitly empty is public (springdoc writes that
 * list for a handler annotated with an empty {@code @SecurityRequirements}), so it gets neither.
 * The document gets no global requirement, which would make public operations look protected in
 * tools that ignore the empty list.
 *
 * <p>Where springdoc left its default title ({@value Constants#DEFAULT_TITLE}) or version ({@value
 * Constants#DEFAULT_VERSION}), the title becomes the service name ("booking-service" gives "Booking
 * service API") and the version the build's. A missing description gets a generic one. A service
 * sets its own with {@code springdoc.open-api.info.*}.
 */
public class ApiDocsProblems implements OpenApiCustomizer {

  static final String PROBLEM_SCHEMA = "ProblemDetail";
  static final String BEARER_SCHEME = "bearer";

  /** Version documented when the build's is unknown, for example when run from the IDE. */
  static final String FALLBACK_VERSION = "0.1.0";

  private static final Map<String, String> AUTHENTICATION_ERRORS = new LinkedHashMap<>();
  private static final Map<String, String> GATEWAY_ERRORS = new LinkedHashMap<>();

  static {
    AUTHENTICATION_ERRORS.put(
        "401", "No bearer token, or an expired, wrongly signed or foreign one.");
    AUTHENTICATION_ERRORS.put("403", "The token's roles do not allow this operation.");
    GATEWAY_ERRORS.put("429", "Too many requests from this driver or address; see Retry-After.");
    GATEWAY_ERRORS.put("503", "The service is unreachable, timed out or its circuit is open.");
  }

  private final String applicationName;
  private final String version;

  /**
   * Documents problems and the bearer token but leaves title, version and description as springdoc
   * or the service set them.
   */
  public ApiDocsProblems() {
    this(null, null);
  }

  /**
   * @param applicationName {@code spring.application.name}, for the default title; {@code null}
   *     leaves the title alone
   * @param version the build's version ({@code spring.application.version}, read from the jar
   *     manifest); {@code null} or blank documents {@value #FALLBACK_VERSION}
   */
  public ApiDocsProblems(String applicationName, String version) {
    this.applicationName =
        applicationName == null || applicationName.isBlank() ? null : applicationName;
    this.version = version == null || version.isBlank() ? FALLBACK_VERSION : version;
  }

  @Override
  public void customise(OpenAPI openApi) {
    if (applicationName != null) {
      describeService(openApi);
    }
    Components components =
        openApi.getComponents() == null ? new Components() : openApi.getComponents();
    openApi.setComponents(components);
    components.addSchemas(PROBLEM_SCHEMA, problemSchema());
    components.addSecuritySchemes(
        BEARER_SCHEME,
        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT"));
    if (openApi.getPaths() == null) {
      return;
    }
    openApi
        .getPaths()
        .values()
        .forEach(
            path ->
                path.readOperations()
                    .forEach(operation -> documentOperation(operation, openApi.getSecurity())));
  }

  /**
   * Builds the default title from the service name: "booking-service" gives "Booking service API".
   */
  static String titleOf(String applicationName) {
    String words = applicationName.replace('-', ' ').replace('_', ' ').trim();
    return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1) + " API";
  }

  private void describeService(OpenAPI openApi) {
    Info info = openApi.getInfo() == null ? new Info() : openApi.getInfo();
    openApi.setInfo(info);
    if (info.getTitle() == null || Constants.DEFAULT_TITLE.equals(info.getTitle())) {
      info.setTitle(titleOf(applicationName));
    }
    if (info.getVersion() == null || Constants.DEFAULT_VERSION.equals(info.getVersion())) {
      info.setVersion(version);
    }
    if (info.getDescription() == null || info.getDescription().isBlank()) {
      info.setDescription(
          "HTTP API of "
              + applicationName
              + ", reached through the API gateway. Errors are RFC 9457 problem details"
              + " (schema "
              + PROBLEM_SCHEMA
              + "). Operations that list a security requirement need an Authorization: Bearer"
              + " header with a JWT.");
    }
  }

  /**
   * Adds the bearer requirement where the operation has none and the document names no global one,
   * then the problem responses: 401 and 403 unless the operation is public, 429 and 503 always.
   */
  private static void documentOperation(
      Operation operation, List<SecurityRequirement> globalSecurity) {
    if (operation.getSecurity() == null && globalSecurity == null) {
      operation.addSecurityItem(new SecurityRequirement().addList(BEARER_SCHEME));
    }
    List<SecurityRequirement> security =
        operation.getSecurity() != null ? operation.getSecurity() : globalSecurity;
    boolean isPublic = security.isEmpty();

    ApiResponses responses =
        operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
    operation.setResponses(responses);
    responses.forEach(
        (status, response) -> {
          if (status.startsWith("4") || status.startsWith("5")) {
            response.setContent(problemContent());
          }
        });
    if (!isPublic) {
      addMissing(responses, AUTHENTICATION_ERRORS);
    }
    addMissing(responses, GATEWAY_ERRORS);
  }

  private static void addMissing(ApiResponses responses, Map<String, String> errors) {
    errors.forEach(
        (status, description) -> {
          if (!responses.containsKey(status)) {
            responses.addApiResponse(
                status, new ApiResponse().description(description).content(problemContent()));
          }
        });
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
        .addProperty("type", new StringSchema().example(ProblemJson.TYPE_BASE + "invalid-request"))
        .addProperty("title", new StringSchema())
        .addProperty("status", new IntegerSchema())
        .addProperty("detail", new StringSchema())
        .addProperty("instance", new StringSchema())
        .addProperty(
            "errors",
            new ArraySchema()
                .items(
                    new ObjectSchema()
                        .addProperty("field", new StringSchema())
                        .addProperty("message", new StringSchema())));
  }
}
