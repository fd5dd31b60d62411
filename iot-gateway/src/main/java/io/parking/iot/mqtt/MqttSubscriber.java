package io.parking.iot.mqtt;

import io.parking.iot.sensor.SensorMessageHandler;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MqttDefaultFilePersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Subscribes to the state and heartbeat topics of every spot at QoS 1 and hands each message to the
 * {@link SensorMessageHandler}.
 *
 * <p>{@link #start()} returns at once: the first connect runs in the background and is retried with
 * a doubling delay while the broker is down. After a lost connection, Paho reconnects on its own,
 * and {@link #connectComplete} subscribes again every time, because a restarted broker without
 * persistence has forgotten the subscriptions.
 *
 * <p>The session is persistent ({@code cleanSession=false}) under a stable client id, so the broker
 * keeps the QoS 1 messages that arrive while the gateway is briefly away and delivers them after it
 * reconnects. Unacknowledged messages are kept in files under {@code parking.mqtt.persistence-dir}.
 * With {@code parking.mqtt.shared-group} set, the subscriptions are shared ({@code
 * $share/{group}/...}), so the broker gives each message to one of the group's instances.
 *
 * <p>Messages are handled on Paho's single callback thread, in arrival order, so one spot's
 * readings are applied in the order the broker delivered them. Paho acknowledges a QoS 1 message
 * only after {@code messageArrived} returns.
 */
@Component
public class MqttSubscriber implements SmartLifecycle, MqttCallbackExtended {

  static final int QOS = 1;

  private static final Logger log = LoggerFactory.getLogger(MqttSubscriber.class);
  private static final Duration QUIESCE_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration DISCONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final MqttProperties properties;
  private final SensorMessageHandler handler;
  private final Object lifecycleLock = new Object();

  private volatile MqttAsyncClient client;
  private volatile ScheduledExecutorService scheduler;
  private volatile boolean running;
  private volatile boolean subscribed;
  private final AtomicInteger failedConnects = new AtomicInteger();

  /** Creates a subscriber; tests create a second instance to run two gateways in one process. */
  public MqttSubscriber(MqttProperties properties, SensorMessageHandler handler) {
    this.properties = properties;
    this.handler = handler;
  }

  @Override
  public void start() {
    synchronized (lifecycleLock) {
      if (running) {
        return;
      }
      try {
        client =
            new MqttAsyncClient(
                properties.url(),
                properties.clientId(),
                new MqttDefaultFilePersistence(
                    properties.persistenceDir().toAbsolutePath().toString()));
      } catch (MqttException e) {
        throw new IllegalStateException(
            "Cannot create the MQTT client for "
                + properties.url()
                + ": "
                + e.getMessage()
                + ". Check MQTT_URL, MQTT_CLIENT_ID and MQTT_PERSISTENCE_DIR.",
            e);
      }
      client.setCallback(this);
      scheduler =
          Executors.newSingleThreadScheduledExecutor(
              task -> {
                Thread thread = new Thread(task, "mqtt-connect");
                thread.setDaemon(true);
                return thread;
              });
      failedConnects.set(0);
      running = true;
      scheduler.execute(this::connect);
    }
    log.info(
        "MQTT subscriber starting: broker {}, client id {}, topic filters {}, persistence {}",
        properties.url(),
        properties.clientId(),
        properties.subscriptionFilters(),
        properties.persistenceDir().toAbsolutePath());
  }

  @Override
  public void stop() {
    MqttAsyncClient closing;
    synchronized (lifecycleLock) {
      if (!running) {
        return;
      }
      running = false;
      subscribed = false;
      scheduler.shutdownNow();
      closing = client;
    }
    try {
      if (closing.isConnected()) {
        closing
            .disconnect(QUIESCE_TIMEOUT.toMillis())
            .waitForCompletion(DISCONNECT_TIMEOUT.toMillis());
      }
    } catch (MqttException e) {
      log.warn(
          "Disconnect from MQTT broker {} failed, closing the client anyway: {}",
          properties.url(),
          e.toString());
    }
    try {
      // NOTE: Paho 1.2.5 cancels its automatic-reconnect timer only after a successful reconnect.
      // A stop during a reconnect cycle therefore leaves an idle timer thread behind. Its next
      // attempt fails on the closed client and is not rescheduled.
      closing.close(true);
    } catch (MqttException e) {
      log.warn("Closing the MQTT client for {} failed: {}", properties.url(), e.toString());
    }
    log.info("MQTT subscriber stopped: disconnected from {}", properties.url());
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Returns whether the client is connected to the broker. */
  public boolean isConnected() {
    MqttAsyncClient current = client;
    return running && current != null && current.isConnected();
  }

  /** Returns whether the broker granted the subscriptions on the current connection. */
  public boolean isSubscribed() {
    return subscribed && isConnected();
  }

  /**
   * Returns the number of failed connect attempts since the last successful connect. Paho's
   * automatic reconnects after a lost connection are not counted.
   */
  public int failedConnectAttempts() {
    return failedConnects.get();
  }

  public String brokerUrl() {
    return properties.url();
  }

  public String clientId() {
    return properties.clientId();
  }

  /** Returns the topic filters the subscriber subscribes to. */
  public List<String> topicFilters() {
    return properties.subscriptionFilters();
  }

  private void connect() {
    if (!running) {
      return;
    }
    try {
      client.connect(
          connectOptions(),
          null,
          new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
              failedConnects.set(0);
            }

            @Override
            public void onFailure(IMqttToken token, Throwable failure) {
              retryConnect(failure);
            }
          });
    } catch (MqttException e) {
      retryConnect(e);
    }
  }

  private MqttConnectOptions connectOptions() {
    MqttConnectOptions options = new MqttConnectOptions();
    options.setAutomaticReconnect(true);
    options.setMaxReconnectDelay(Math.toIntExact(properties.maxReconnectDelay().toMillis()));
    // A persistent session: the broker queues QoS 1 messages while this client is away.
    options.setCleanSession(false);
    options.setConnectionTimeout(Math.toIntExact(properties.connectionTimeout().toSeconds()));
    options.setKeepAliveInterval(Math.toIntExact(properties.keepAlive().toSeconds()));
    return options;
  }

  private void retryConnect(Throwable failure) {
    if (!running) {
      return;
    }
    int failures = failedConnects.incrementAndGet();
    Duration delay = retryDelay(failures);
    log.warn(
        "Connecting to MQTT broker {} failed (attempt {}), retrying in {}: {}",
        properties.url(),
        failures,
        delay,
        failure.toString());
    schedule(this::connect, delay);
  }

  /** Returns the initial delay doubled per earlier failure, capped at the maximum delay. */
  private Duration retryDelay(int failures) {
    int doublings = Math.min(failures - 1, 20);
    Duration delay = properties.reconnectDelay().multipliedBy(1L << doublings);
    return delay.compareTo(properties.maxReconnectDelay()) > 0
        ? properties.maxReconnectDelay()
        : delay;
  }

  private void schedule(Runnable task, Duration delay) {
    try {
      scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      log.debug("Not scheduling MQTT task: the subscriber is stopping");
    }
  }

  @Override
  public void connectComplete(boolean reconnect, String serverUri) {
    log.info("Connected to MQTT broker {} (reconnect: {})", serverUri, reconnect);
    subscribe();
  }

  private void subscribe() {
    if (!running) {
      return;
    }
    List<String> filters = properties.subscriptionFilters();
    String[] filterArray = filters.toArray(String[]::new);
    int[] qos = new int[filterArray.length];
    Arrays.fill(qos, QOS);
    String filter = String.join(", ", filters);
    try {
      client.subscribe(
          filterArray,
          qos,
          null,
          new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
              for (int granted : token.getGrantedQos()) {
                if (granted == 0x80) {
                  subscribeFailed(filter, "the broker rejected a subscription (return code 0x80)");
                  return;
                }
              }
              subscribed = true;
              log.info(
                  "Subscribed to {} at QoS {}", filter, Arrays.toString(token.getGrantedQos()));
            }

            @Override
            public void onFailure(IMqttToken token, Throwable failure) {
              subscribeFailed(filter, failure.toString());
            }
          });
    } catch (MqttException e) {
      subscribeFailed(filter, e.toString());
    }
  }

  private void subscribeFailed(String filter, String cause) {
    subscribed = false;
    Duration delay = properties.maxReconnectDelay();
    log.error("Subscribing to {} failed, retrying in {}: {}", filter, delay, cause);
    schedule(
        () -> {
          if (isConnected() && !subscribed) {
            subscribe();
          }
        },
        delay);
  }

  @Override
  public void connectionLost(Throwable cause) {
    subscribed = false;
    log.warn(
        "Lost connection to MQTT broker {}, Paho reconnects automatically: {}",
        properties.url(),
        cause.toString());
  }

  @Override
  public void messageArrived(String topic, MqttMessage message) {
    // SensorMessageHandler.handle catches runtime exceptions itself. This catch keeps the
    // connection up should one escape anyway.
    try {
      handler.handle(topic, message.getPayload());
    } catch (RuntimeException e) {
      log.error("Unexpected error handling MQTT message on {}", topic, e);
    }
  }

  @Override
  public void deliveryComplete(IMqttDeliveryToken token) {
    // The gateway only subscribes, so there are no outgoing deliveries.
  }
}
