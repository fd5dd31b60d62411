package io.parking.payment.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

/** Reads a whole topic, for tests that must see every record, duplicates included. */
public final class TopicReader {

  private static final Duration MAX_WAIT = Duration.ofSeconds(30);

  private TopicReader() {}

  /**
   * Returns every record of {@code topic} from the start to the end offsets at the time of the
   * call, partition by partition, so the records of one key keep their order. Every record Kafka
   * acknowledged before the call is included.
   */
  public static List<ConsumerRecord<String, String>> readAll(
      String bootstrapServers, String topic) {
    Map<String, Object> properties =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false);
    try (Consumer<String, String> consumer =
        new DefaultKafkaConsumerFactory<>(
                properties, new StringDeserializer(), new StringDeserializer())
            .createConsumer()) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(info -> new TopicPartition(topic, info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      List<ConsumerRecord<String, String>> records = new ArrayList<>();
      Instant deadline = Instant.now().plus(MAX_WAIT);
      while (!reachedEnd(consumer, ends)) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException(
              "Reading " + topic + " to offsets " + ends + " took longer than " + MAX_WAIT);
        }
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      return records;
    }
  }

  private static boolean reachedEnd(
      Consumer<String, String> consumer, Map<TopicPartition, Long> ends) {
    return ends.entrySet().stream()
        .allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
  }
}
