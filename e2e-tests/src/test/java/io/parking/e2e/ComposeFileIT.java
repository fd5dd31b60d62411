package io.parking.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Validates docker-compose.yml with {@code docker-compose config -q}, which needs no Docker engine.
 * {@code ./parking test} installs docker-compose where it can (root with apt-get); on other
 * machines the test is reported as skipped with the reason.
 */
class ComposeFileIT {

  private final Path projectDir =
      Path.of(System.getProperty("parking.projectDir", "..")).toAbsolutePath().normalize();

  @Test
  void composeFileIsValid() throws Exception {
    assumeTrue(
        onPath("docker-compose"),
        "docker-compose is not installed: install it (apt-get install docker-compose) to validate"
            + " docker-compose.yml");

    Process process =
        new ProcessBuilder("docker-compose", "-f", "docker-compose.yml", "config", "-q")
            .directory(projectDir.toFile())
            .redirectErrorStream(true)
            .start();
    boolean finished = process.waitFor(60, TimeUnit.SECONDS);
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(finished).as("docker-compose config finished").isTrue();
    assertThat(process.exitValue()).as("docker-compose config -q: %s", output).isZero();
  }

  @Test
  void composeServicesUseLocalVariableNames() throws IOException {
    String compose = Files.readString(projectDir.resolve("docker-compose.yml"));

    for (String variable :
        List.of(
            "DB_URL",
            "DB_SCHEMA",
            "KAFKA_BOOTSTRAP_SERVERS",
            "REDIS_HOST",
            "MQTT_URL",
            "BOOKING_URL",
            "AVAILABILITY_URL",
            "PARKING_DEMO_SEED")) {
      assertThat(compose).as("docker-compose.yml sets %s", variable).contains(variable + ":");
      assertThat(Files.readString(projectDir.resolve("parking"))).contains(variable);
    }
    assertThat(compose).contains("service_healthy").contains("mem_limit");
  }

  private static boolean onPath(String command) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }
}
