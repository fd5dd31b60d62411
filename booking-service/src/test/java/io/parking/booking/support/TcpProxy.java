package io.parking.booking.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Forwards TCP connections from a fixed loopback port to a target address. {@link #stop()} closes
 * the port and every open connection, so clients see the target as down; {@link #start()} opens the
 * same port again. Tests use it to make a Kafka broker unreachable and reachable again without
 * losing its data.
 */
public final class TcpProxy implements AutoCloseable {

  private final int port;
  private final Supplier<InetSocketAddress> target;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private ServerSocket server;

  /** {@code target} is looked up for each new connection, so it may be known only later. */
  public TcpProxy(Supplier<InetSocketAddress> target) {
    this.target = target;
    try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      this.port = probe.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free loopback port for the test proxy", e);
    }
  }

  public int port() {
    return port;
  }

  /** Opens the port and starts accepting connections. */
  public synchronized void start() {
    try {
      server = new ServerSocket();
      server.setReuseAddress(true);
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    } catch (IOException e) {
      throw new UncheckedIOException("Failed to open test proxy port " + port, e);
    }
    ServerSocket listening = server;
    startDaemon("tcp-proxy-" + port, () -> accept(listening));
  }

  /** Closes the port and every forwarded connection. */
  public synchronized void stop() {
    closeQuietly(server);
    server = null;
    sockets.forEach(TcpProxy::closeQuietly);
    sockets.clear();
  }

  @Override
  public void close() {
    stop();
  }

  private void accept(ServerSocket listening) {
    while (!listening.isClosed()) {
      Socket client;
      try {
        client = listening.accept();
      } catch (IOException e) {
        return; // stop() closed the port.
      }
      Socket upstream = new Socket();
      sockets.add(client);
      sockets.add(upstream);
      try {
        upstream.connect(target.get());
        pump(client, upstream);
        pump(upstream, client);
      } catch (IOException e) {
        // The target refused: the client sees its connection closed.
        closeQuietly(client);
        closeQuietly(upstream);
      }
    }
  }

  private void pump(Socket from, Socket to) {
    startDaemon(
        "tcp-proxy-pump",
        () -> {
          try (InputStream in = from.getInputStream();
              OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
          } catch (IOException e) {
            // One side closed; closing both below ends the other direction too.
          } finally {
            closeQuietly(from);
            closeQuietly(to);
          }
        });
  }

  private static void startDaemon(String name, Runnable task) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception e) {
      // Already closed or broken; nothing left to release.
    }
  }
}
