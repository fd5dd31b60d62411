package io.parking.booking.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

/** Reads a topic of the embedded broker from the beginning, in a consumer group of its own. */
public final class TopicReader implements AutoCloseable {

  private final KafkaConsumer<String, String> consumer;
  private final List<ConsumerRecord<String, String>> received = new ArrayList<>();

  public TopicReader(EmbeddedKafkaBroker broker, String topic) {
    Map<String, Object> props =
        KafkaTestUtils.consumerProps(broker, "test-reader-" + UUID.randomUUID(), false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    consumer.subscribe(List.of(topic));
  }

  /** Polls once and returns every record received so far. */
  public List<ConsumerRecord<String, String>> poll() {
    consumer.poll(Duration.ofMillis(200)).forEach(received::add);
    return List.copyOf(received);
  }

  /**
   * Polls until this reader has received every record that each partition of the topic held when
   * the partitions were assigned, and returns every record received so far. Lets a test assert that
   * a record is absent. Throws {@link IllegalStateException} after {@code timeout}.
   */
  public List<ConsumerRecord<String, String>> pollToEnd(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (consumer.assignment().isEmpty()) {
      poll();
      failIfPast(deadline, "no partition was assigned");
    }
    Map<TopicPartition, Long> endOffsets = consumer.endOffsets(consumer.assignment());
    while (endOffsets.entrySet().stream()
        .anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
      poll();
      failIfPast(deadline, "the end offsets " + endOffsets + " were not reached");
    }
    return List.copyOf(received);
  }

  private static void failIfPast(long deadline, String reason) {
    if (System.nanoTime() > deadline) {
      throw new IllegalStateException("Reading the topic to its end timed out: " + reason);
    }
  }

  @Override
  public void close() {
    consumer.close();
  }
}
