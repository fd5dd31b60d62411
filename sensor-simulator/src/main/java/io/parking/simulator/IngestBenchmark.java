package io.parking.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures sensor ingest: how many readings per second go from MQTT through the IoT gateway to
 * Redis and Kafka, with the delay from publish to the gateway's {@code sensor.state-changed} event,
 * beside raw Paho QoS 1 throughput through the same broker.
 *
 * <p>Arguments: {@code raw <mqttUrl> <messages>} or {@code ingest <mqttUrl> <topicRoot>
 * <kafkaBootstrap> <lotId> <firstSpotId> <lastSpotId> <readingsPerSpot>}. The ingest run alternates
 * each spot between occupied and free with rising sequence numbers; the gateway's debounce must be
 * off for it (a debounced flip is not applied, by design).
 */
public final class IngestBenchmark {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private IngestBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 3 && args[0].equals("raw")) {
      raw(args[1], Integer.parseInt(args[2]));
    } else if (args.length == 8 && args[0].equals("ingest")) {
      ingest(
          args[1],
          args[2],
          args[3],
          Long.parseLong(args[4]),
          Long.parseLong(args[5]),
          Long.parseLong(args[6]),
          Integer.parseInt(args[7]));
    } else {
      System.err.println(
          "usage: IngestBenchmark raw <mqttUrl> <messages>\n"
              + "       IngestBenchmark ingest <mqttUrl> <topicRoot> <kafkaBootstrap> <lotId>"
              + " <firstSpotId> <lastSpotId> <readingsPerSpot>");
      System.exit(2);
    }
  }

  /** Publishes QoS 1 messages to a topic of its own and counts them at a subscriber. */
  private static void raw(String mqttUrl, int messages) throws Exception {
    String topic = "bench/raw/" + UUID.randomUUID();
    CountDownLatch received = new CountDownLatch(messages);
    MqttAsyncClient subscriber = client(mqttUrl, "bench-raw-sub");
    subscriber.setCallback(
        new MqttCallback() {
          @Override
          public void connectionLost(Throwable cause) {}

          @Override
          public void messageArrived(String topic, MqttMessage message) {
            received.countDown();
          }

          @Override
          public void deliveryComplete(IMqttDeliveryToken token) {}
        });
    subscriber.subscribe(topic, 1).waitForCompletion();
    MqttAsyncClient publisher = client(mqttUrl, "bench-raw-pub");

    long started = System.nanoTime();
    for (int i = 0; i < messages; i++) {
      publishWithBackPressure(publisher, topic, ("reading " + i).getBytes(StandardCharsets.UTF_8));
    }
    boolean complete = received.await(120, TimeUnit.SECONDS);
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        "raw Paho QoS 1: %d of %d messages in %.1f s, %.0f msg/s%n",
        messages - received.getCount(),
        messages,
        seconds,
        (messages - received.getCount()) / seconds);
    if (!complete) {
      System.out.println("raw Paho QoS 1: NOTE not every message arrived within 120 s");
    }
    publisher.disconnect().waitForCompletion();
    subscriber.disconnect().waitForCompletion();
  }

  /** Publishes sensor readings and times each one until its sensor event leaves the gateway. */
  private static void ingest(
      String mqttUrl,
      String topicRoot,
      String kafkaBootstrap,
      long lotId,
      long firstSpot,
      long lastSpot,
      int readingsPerSpot)
      throws Exception {
    long spots = lastSpot - firstSpot + 1;
    long expected = spots * readingsPerSpot;
    List<Long> delays = new ArrayList<>();
    AtomicLong firstEventNanos = new AtomicLong();
    AtomicLong lastEventNanos = new AtomicLong();

    try (KafkaConsumer<String, String> consumer = consumer(kafkaBootstrap)) {
      consumer.subscribe(List.of("parking.sensor.events"));
      // Wait for the partition assignment, so that no event of this run is missed.
      while (consumer.assignment().isEmpty()) {
        consumer.poll(Duration.ofMillis(200));
      }
      consumer.seekToEnd(consumer.assignment());
      consumer.assignment().forEach(consumer::position);

      MqttAsyncClient publisher = client(mqttUrl, "bench-ingest-pub");
      long sequenceBase = System.currentTimeMillis();
      Thread publishing =
          new Thread(
              () -> {
                try {
                  for (int round = 0; round < readingsPerSpot; round++) {
                    boolean occupied = round % 2 == 0;
                    for (long spot = firstSpot; spot <= lastSpot; spot++) {
                      String payload =
                          "{\"sensorId\": \"bench-%d\", \"occupied\": %b, \"sequence\": %d,"
                              + " \"timestamp\": \"%s\"}";
                      publishWithBackPressure(
                          publisher,
                          topicRoot + "/lots/" + lotId + "/spots/" + spot + "/state",
                          payload
                              .formatted(spot, occupied, sequenceBase + round, Instant.now())
                              .getBytes(StandardCharsets.UTF_8));
                    }
                  }
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      long started = System.nanoTime();
      publishing.start();

      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (delays.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          JsonNode payload = MAPPER.readTree(record.value()).path("payload");
          if (!payload.path("sensorId").asString().startsWith("bench-")) {
            continue;
          }
          long now = System.nanoTime();
          firstEventNanos.compareAndSet(0, now);
          lastEventNanos.set(now);
          Instant published = Instant.parse(payload.path("observedAt").asString());
          delays.add(Duration.between(published, Instant.now()).toNanos());
        }
      }
      publishing.join();
      publisher.disconnect().waitForCompletion();
      double seconds = (lastEventNanos.get() - started) / 1e9;
      long[] sorted = delays.stream().mapToLong(Long::longValue).sorted().toArray();
      System.out.printf(
          "ingest MQTT -> Redis -> Kafka: %d of %d readings in %.1f s, %.0f readings/s,"
              + " delay p50 %.1f ms, p99 %.1f ms%n",
          sorted.length,
          expected,
          seconds,
          sorted.length / seconds,
          percentile(sorted, 0.50) / 1e6,
          percentile(sorted, 0.99) / 1e6);
    }
  }

  private static MqttAsyncClient client(String url, String prefix) throws Exception {
    MqttAsyncClient client =
        new MqttAsyncClient(url, prefix + "-" + UUID.randomUUID(), new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setMaxInflight(1000);
    client.connect(options).waitForCompletion();
    return client;
  }

  /** Publishes at QoS 1, waiting briefly whenever Paho's in-flight window is full. */
  private static void publishWithBackPressure(MqttAsyncClient client, String topic, byte[] payload)
      throws Exception {
    while (true) {
      try {
        client.publish(topic, payload, 1, false);
        return;
      } catch (org.eclipse.paho.client.mqttv3.MqttException e) {
        if (e.getReasonCode()
            != org.eclipse.paho.client.mqttv3.MqttException.REASON_CODE_MAX_INFLIGHT) {
          throw e;
        }
        Thread.sleep(1);
      }
    }
  }

  private static KafkaConsumer<String, String> consumer(String bootstrap) {
    Properties properties = new Properties();
    properties.putAll(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ConsumerConfig.GROUP_ID_CONFIG,
            "ingest-benchmark-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "latest",
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class.getName(),
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class.getName()));
    return new KafkaConsumer<>(properties);
  }

  private static long percentile(long[] sorted, double fraction) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
  }
}
