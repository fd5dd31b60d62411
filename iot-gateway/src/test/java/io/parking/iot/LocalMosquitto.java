package io.parking.iot;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A Mosquitto broker of the test's own, on a free loopback port, that a test can restart. It never
 * touches the shared broker on port 1883.
 */
final class LocalMosquitto implements AutoCloseable {

  private static final String EXECUTABLE = "/usr/sbin/mosquitto";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

  private final int port;
  private final Path config;
  private Process process;

  private LocalMosquitto(int port, Path config) {
    this.port = port;
    this.config = config;
  }

  /** Starts a broker on a free port; fails naming the executable when it cannot start. */
  static LocalMosquitto start() throws IOException, InterruptedException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path config = Files.createTempFile("mosquitto-test-", ".conf");
    Files.writeString(config, "listener " + port + " 127.0.0.1\nallow_anonymous true\n");
    LocalMosquitto broker = new LocalMosquitto(port, config);
    broker.launch();
    return broker;
  }

  String url() {
    return "tcp://127.0.0.1:" + port;
  }

  /** Stops the broker process and starts a new one on the same port. */
  void restart() throws IOException, InterruptedException {
    stop();
    launch();
  }

  private void launch() throws IOException, InterruptedException {
    if (!Files.isExecutable(Path.of(EXECUTABLE))) {
      throw new IllegalStateException(EXECUTABLE + " is missing: install the mosquitto package");
    }
    process =
        new ProcessBuilder(EXECUTABLE, "-c", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      await("mosquitto listening on port " + port)
          .atMost(START_TIMEOUT)
          .pollInterval(Duration.ofMillis(50))
          .failFast("mosquitto exited", () -> !process.isAlive())
          .until(this::accepts);
    } catch (RuntimeException e) {
      stop();
      throw new IllegalStateException("mosquitto did not start on port " + port, e);
    }
  }

  private boolean accepts() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    stop();
    Files.deleteIfExists(config);
  }
}
