package io.parking.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on a free loopback port in front of a {@link StubService}. It passes bytes through
 * both ways until {@link #resetNext(int)} is called. Then it resets the connection (TCP RST) of
 * each of the next requests as soon as their first bytes arrive, so the stub never receives them.
 * The gateway retries such a reset for GET and HEAD but not for POST.
 */
final class ResettingProxy {

  private final int targetPort;
  private final ServerSocket listener;
  private final AtomicInteger resetsPending = new AtomicInteger();
  private final AtomicInteger resetsDone = new AtomicInteger();

  private ResettingProxy(int targetPort) throws IOException {
    this.targetPort = targetPort;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
  }

  static ResettingProxy start(StubService target) {
    try {
      ResettingProxy proxy = new ResettingProxy(target.port());
      daemon("proxy-accept", proxy::acceptLoop).start();
      return proxy;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the resetting proxy on loopback", e);
    }
  }

  String baseUrl() {
    return "http://127.0.0.1:" + listener.getLocalPort();
  }

  /** Resets the connection of each of the next {@code count} requests instead of passing it on. */
  void resetNext(int count) {
    resetsPending.set(count);
  }

  /** Returns the number of requests reset since the last {@link #reset()}. */
  int resetsDone() {
    return resetsDone.get();
  }

  void reset() {
    resetsPending.set(0);
    resetsDone.set(0);
  }

  void stop() {
    try {
      listener.close();
    } catch (IOException e) {
      // Stopping at JVM exit; nothing waits for the listener any more.
    }
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        daemon("proxy-up", () -> forwardRequests(client, upstream)).start();
        daemon("proxy-down", () -> copy(upstream, client)).start();
      } catch (IOException e) {
        if (!listener.isClosed()) {
          System.err.println("Resetting proxy failed to accept a connection: " + e);
        }
      }
    }
  }

  /** Copies the client's bytes to the stub, unless a reset is pending when bytes arrive. */
  private void forwardRequests(Socket client, Socket upstream) {
    byte[] buffer = new byte[8192];
    try (client;
        upstream) {
      InputStream in = client.getInputStream();
      OutputStream out = upstream.getOutputStream();
      int read;
      while ((read = in.read(buffer)) != -1) {
        if (takePendingReset()) {
          client.setSoLinger(true, 0);
          resetsDone.incrementAndGet();
          return;
        }
        out.write(buffer, 0, read);
        out.flush();
      }
    } catch (IOException e) {
      // The other side closed the connection; closing both ends is all that is left to do.
    }
  }

  private boolean takePendingReset() {
    int pending;
    do {
      pending = resetsPending.get();
      if (pending <= 0) {
        return false;
      }
    } while (!resetsPending.compareAndSet(pending, pending - 1));
    return true;
  }

  private static void copy(Socket from, Socket to) {
    byte[] buffer = new byte[8192];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      int read;
      while ((read = in.read(buffer)) != -1) {
        out.write(buffer, 0, read);
        out.flush();
      }
      to.shutdownOutput();
    } catch (IOException e) {
      // One side closed or reset the connection; the other copy thread closes the sockets.
    }
  }

  private static Thread daemon(String name, Runnable task) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }
}
