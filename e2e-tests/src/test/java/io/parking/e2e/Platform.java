package io.parking.e2e;

import io.parking.support.security.TokenSettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The whole platform started with {@code ./parking start} as separate processes, isolated from any
 * platform already running on this machine: its own ports, run folder, database, Redis key prefix
 * and MQTT topic root. PostgreSQL, Redis and Mosquitto are this machine's servers.
 */
final class Platform implements AutoCloseable {

  private final Path projectDir;
  private final Path runDir;
  private final Map<String, String> environment = new HashMap<>();
  private final String databaseName;
  private final String redisKeyPrefix;
  private final String mqttTopicRoot;
  private final int gatewayPort;
  private final String mqttClientId;
  private final TokenSettings tokenSettings;

  private Platform(Path projectDir) throws IOException {
    this.projectDir = projectDir;
    String runId = UUID.randomUUID().toString().substring(0, 8);
    this.runDir = projectDir.resolve("e2e-tests/target/platform-run");
    this.databaseName = "parking_e2e_" + runId;
    this.redisKeyPrefix = "e2e-" + runId + ":";
    this.mqttTopicRoot = "e2e-" + runId + "/parking";
    this.gatewayPort = freePort();

    environment.put("PARKING_RUN_DIR", runDir.toString());
    environment.put("PARKING_SKIP_BUILD", System.getProperty("parking.skipBuild", "true"));
    environment.put("PARKING_DB_NAME", databaseName);
    environment.put("REDIS_KEY_PREFIX", redisKeyPrefix);
    environment.put("MQTT_TOPIC_ROOT", mqttTopicRoot);
    this.mqttClientId = "iot-gateway-e2e-" + runId;
    environment.put("MQTT_CLIENT_ID", mqttClientId);
    environment.put("PARKING_AVAILABILITY_REBUILD_INTERVAL", "2s");
    // A signing key of this run only, so the test shows the services take the configured key and
    // not the published development one.
    this.tokenSettings =
        new TokenSettings(
            TokenSettings.DEFAULT_ISSUER,
            TokenSettings.DEFAULT_AUDIENCE,
            "e2e-signing-key-" + UUID.randomUUID() + UUID.randomUUID());
    environment.put("PARKING_SECURITY_JWT_SECRET", tokenSettings.secret());
    environment.put("GATEWAY_PORT", Integer.toString(gatewayPort));
    for (String port :
        List.of(
            "BOOKING_PORT",
            "AVAILABILITY_PORT",
            "PAYMENT_PORT",
            "NOTIFICATION_PORT",
            "IOT_PORT",
            "KAFKA_PORT",
            "KAFKA_CONTROLLER_PORT")) {
      environment.put(port, Integer.toString(freePort()));
    }
  }

  /** Starts the platform and waits until City Mall's counts are readable through the gateway. */
  static Platform start() throws IOException, InterruptedException {
    Path projectDir = Path.of(System.getProperty("parking.projectDir", "..")).toAbsolutePath();
    Platform platform = new Platform(projectDir.normalize());
    platform.deleteOldRunFolder();
    platform.run("start", 8);
    return platform;
  }

  String gatewayUrl() {
    return "http://127.0.0.1:" + gatewayPort;
  }

  /** Returns the issuer, audience and signing key the platform's services accept. */
  TokenSettings tokenSettings() {
    return tokenSettings;
  }

  String mqttUrl() {
    return "tcp://" + env("MQTT_HOST", "127.0.0.1") + ":" + env("MQTT_PORT", "1883");
  }

  String mqttTopicRoot() {
    return mqttTopicRoot;
  }

  /**
   * Stops one service, as a crash would, by ending the process whose pid {@code ./parking start}
   * wrote, and waits until it has exited.
   */
  void stopService(String name) throws Exception {
    long pid = Long.parseLong(Files.readString(runDir.resolve("pids/" + name + ".pid")).trim());
    ProcessHandle process =
        ProcessHandle.of(pid)
            .orElseThrow(
                () -> new IllegalStateException(name + " (pid " + pid + ") is not running"));
    process.destroy();
    process.onExit().get(60, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws IOException, InterruptedException {
    try {
      run("stop", 2);
    } finally {
      dropDatabase();
      deleteRedisKeys();
      endMqttSession();
    }
  }

  /**
   * Ends the IoT gateway's persistent session on the shared broker: connecting once with the same
   * client id and a clean session makes Mosquitto drop the stored session.
   */
  private void endMqttSession() {
    try {
      var client =
          new org.eclipse.paho.client.mqttv3.MqttClient(
              mqttUrl(),
              mqttClientId,
              new org.eclipse.paho.client.mqttv3.persist.MemoryPersistence());
      var options = new org.eclipse.paho.client.mqttv3.MqttConnectOptions();
      options.setCleanSession(true);
      client.connect(options);
      client.disconnect();
      client.close();
    } catch (org.eclipse.paho.client.mqttv3.MqttException e) {
      throw new IllegalStateException("could not end the MQTT session " + mqttClientId, e);
    }
  }

  private void run(String command, int timeoutMinutes) throws IOException, InterruptedException {
    Path output = runDir.resolveSibling("parking-" + command + ".out");
    Files.createDirectories(output.getParent());
    ProcessBuilder builder =
        new ProcessBuilder(projectDir.resolve("parking").toString(), command)
            .directory(projectDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    // Addresses of another platform (for example the one `./parking test` was started beside)
    // must not leak in: the script derives these from the ports and names set here.
    for (String inherited :
        List.of(
            "DB_URL",
            "KAFKA_BOOTSTRAP_SERVERS",
            "BOOKING_URL",
            "AVAILABILITY_URL",
            "PAYMENT_URL",
            "NOTIFICATION_URL",
            "IOT_URL",
            "SERVER_PORT",
            "DB_SCHEMA")) {
      builder.environment().remove(inherited);
    }
    builder.environment().putAll(environment);
    Process process = builder.start();
    if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException(
          "./parking " + command + " timed out after " + timeoutMinutes + " min:\n" + tail(output));
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          "./parking "
              + command
              + " failed with exit code "
              + process.exitValue()
              + ":\n"
              + tail(output));
    }
  }

  private static String tail(Path output) throws IOException {
    List<String> lines = Files.readAllLines(output);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  private void deleteOldRunFolder() throws IOException, InterruptedException {
    // A run folder left by a killed test run still contains Kafka data for other ports.
    if (Files.exists(runDir)) {
      new ProcessBuilder("rm", "-rf", runDir.toString()).inheritIO().start().waitFor();
    }
  }

  private void dropDatabase() {
    String url =
        "jdbc:postgresql://"
            + env("PG_HOST", "127.0.0.1")
            + ":"
            + env("PG_PORT", "5432")
            + "/postgres";
    try (Connection connection =
        DriverManager.getConnection(url, env("DB_USER", "postgres"), env("DB_PASSWORD", ""))) {
      connection
          .createStatement()
          .execute("DROP DATABASE IF EXISTS \"" + databaseName + "\" WITH (FORCE)");
    } catch (SQLException e) {
      throw new IllegalStateException("could not drop test database " + databaseName, e);
    }
  }

  private void deleteRedisKeys() throws IOException, InterruptedException {
    String host = env("REDIS_HOST", "127.0.0.1");
    String port = env("REDIS_PORT", "6379");
    String script =
        "redis-cli -h %s -p %s --scan --pattern '%s*' | xargs -r redis-cli -h %s -p %s del"
            .formatted(host, port, redisKeyPrefix, host, port);
    new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start().waitFor();
  }

  private static String env(String name, String fallback) {
    return System.getenv().getOrDefault(name, fallback);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
