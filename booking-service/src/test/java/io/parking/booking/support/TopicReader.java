package io.parking.booking.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
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

  @Override
  public void close() {
    consumer.close();
  }
}
