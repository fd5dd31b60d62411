package io.parking.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiDocsProblemsTest {

  /** What springdoc builds when the service names no title or version. */
  private static OpenAPI springdocDefault() {
    return new OpenAPI().info(new Info().title("OpenAPI definition").version("v0"));
  }

  @Test
  void defaultTitleBecomesServiceName() {
    OpenAPI openApi = springdocDefault();

    new ApiDocsProblems("booking-service", "1.2.3").customise(openApi);

    assertThat(openApi.getInfo().getTitle()).isEqualTo("Booking service API");
    assertThat(openApi.getInfo().getVersion()).isEqualTo("1.2.3");
    assertThat(openApi.getInfo().getDescription()).contains("booking-service");
  }

  @Test
  void unknownBuildVersionFallsBack() {
    OpenAPI openApi = springdocDefault();

    new ApiDocsProblems("availability-service", null).customise(openApi);

    assertThat(openApi.getInfo().getTitle()).isEqualTo("Availability service API");
    assertThat(openApi.getInfo().getVersion()).isEqualTo(ApiDocsProblems.FALLBACK_VERSION);
  }

  @Test
  void serviceOwnInfoIsKept() {
    OpenAPI openApi =
        new OpenAPI()
            .info(new Info().title("IoT gateway API").version("7").description("MQTT only."));

    new ApiDocsProblems("iot-gateway", "1.2.3").customise(openApi);

    assertThat(openApi.getInfo().getTitle()).isEqualTo("IoT gateway API");
    assertThat(openApi.getInfo().getVersion()).isEqualTo("7");
    assertThat(openApi.getInfo().getDescription()).isEqualTo("MQTT only.");
  }

  @Test
  void noArgumentConstructorLeavesInfo() {
    OpenAPI openApi = springdocDefault();

    new ApiDocsProblems().customise(openApi);

    assertThat(openApi.getInfo().getTitle()).isEqualTo("OpenAPI definition");
    assertThat(openApi.getInfo().getVersion()).isEqualTo("v0");
  }

  @Test
  void operationWithoutSecurityGetsBearer() {
    Operation operation = new Operation().responses(ok());
    OpenAPI openApi = withOperation(operation);

    new ApiDocsProblems("booking-service", null).customise(openApi);

    assertThat(openApi.getSecurity()).as("no global requirement").isNull();
    assertThat(operation.getSecurity())
        .containsExactly(new SecurityRequirement().addList(ApiDocsProblems.BEARER_SCHEME));
    assertThat(operation.getResponses()).containsKeys("200", "401", "403", "429", "503");
    assertThat(operation.getResponses().get("401").getContent())
        .containsKey("application/problem+json");
  }

  @Test
  void publicOperationGetsNoAuthenticationErrors() {
    Operation operation = new Operation().responses(ok()).security(new ArrayList<>());
    OpenAPI openApi = withOperation(operation);

    new ApiDocsProblems("availability-service", null).customise(openApi);

    assertThat(operation.getSecurity()).isEmpty();
    assertThat(operation.getResponses()).containsKeys("200", "429", "503");
    assertThat(operation.getResponses()).doesNotContainKeys("401", "403");
  }

  @Test
  void serviceGlobalSecurityIsRespected() {
    Operation operation = new Operation().responses(ok());
    OpenAPI openApi = withOperation(operation).security(List.of());

    new ApiDocsProblems("availability-service", null).customise(openApi);

    assertThat(operation.getSecurity()).as("inherits the empty global list").isNull();
    assertThat(operation.getResponses()).doesNotContainKeys("401", "403");
  }

  @Test
  void declaredErrorGetsProblemSchema() {
    ApiResponses responses =
        ok().addApiResponse("409", new ApiResponse().description("Spot unavailable."));
    Operation operation = new Operation().responses(responses);
    OpenAPI openApi = withOperation(operation);

    new ApiDocsProblems("booking-service", null).customise(openApi);

    assertThat(
            operation
                .getResponses()
                .get("409")
                .getContent()
                .get("application/problem+json")
                .getSchema()
                .get$ref())
        .isEqualTo("#/components/schemas/" + ApiDocsProblems.PROBLEM_SCHEMA);
    Schema<?> problem = openApi.getComponents().getSchemas().get(ApiDocsProblems.PROBLEM_SCHEMA);
    Schema<?> type = (Schema<?>) problem.getProperties().get("type");
    assertThat(type.getExample()).isEqualTo(ProblemJson.TYPE_BASE + "invalid-request");
  }

  @Test
  void documentWithoutPathsGetsNoSecurity() {
    OpenAPI openApi = springdocDefault();

    new ApiDocsProblems("iot-gateway", null).customise(openApi);

    assertThat(openApi.getSecurity()).isNull();
    assertThat(openApi.getComponents().getSecuritySchemes())
        .containsKey(ApiDocsProblems.BEARER_SCHEME);
  }

  @Test
  void customisingTwiceChangesNothing() {
    Operation operation = new Operation().responses(ok());
    OpenAPI openApi = withOperation(operation);
    ApiDocsProblems problems = new ApiDocsProblems("booking-service", null);

    problems.customise(openApi);
    problems.customise(openApi);

    assertThat(operation.getSecurity()).hasSize(1);
    assertThat(operation.getResponses()).hasSize(5);
  }

  private static ApiResponses ok() {
    return new ApiResponses().addApiResponse("200", new ApiResponse().description("OK"));
  }

  private static OpenAPI withOperation(Operation operation) {
    return springdocDefault()
        .paths(new Paths().addPathItem("/api/things", new PathItem().get(operation)));
  }
}
