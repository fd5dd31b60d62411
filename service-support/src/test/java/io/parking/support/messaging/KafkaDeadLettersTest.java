package io.parking.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;

/**
 * Runs the error handler in a real listener container against an in-JVM Kafka broker: one topic
 * whose records always fail with {@link InvalidEventException}, one whose records always fail with
 * another exception.
 */
@EmbeddedKafka(
    partitions = 1,
    topics = {
      KafkaDeadLettersTest.INVALID_TOPIC,
      KafkaDeadLettersTest.INVALID_TOPIC + ".dlt",
      KafkaDeadLettersTest.FAILING_TOPIC,
      KafkaDeadLettersTest.FAILING_TOPIC + ".dlt"
    })
class KafkaDeadLettersTest {

  static final String INVALID_TOPIC = "support.test.invalid";
  static final String FAILING_TOPIC = "support.test.failing";

  private static final long MAX_RETRIES = 2;
  private static final Duration RETRY_INTERVAL = Duration.ofMillis(100);
  private static final Duration RECORD_TIMEOUT = Duration.ofSeconds(30);

  private final EmbeddedKafkaBroker broker;
  private final AtomicInteger attempts = new AtomicInteger();
  private DefaultKafkaProducerFactory<String, String> producers;
  private KafkaTemplate<String, String> template;
  private KafkaMessageListenerContainer<String, String> container;

  KafkaDeadLettersTest(EmbeddedKafkaBroker broker) {
    this.broker = broker;
  }

  @BeforeEach
  void createTemplate() {
    producers =
        new DefaultKafkaProducerFactory<>(
            KafkaTestUtils.producerProps(broker), new StringSerializer(), new StringSerializer());
    template = new KafkaTemplate<>(producers);
  }

  @AfterEach
  void stop() {
    if (container != null) {
      container.stop();
    }
    producers.destroy();
  }

  @Test
  void invalidEventIsDeadLetteredWithoutRetry() throws Exception {
    // given
    DefaultErrorHandler handler =
        KafkaDeadLetters.errorHandler(template, RETRY_INTERVAL, MAX_RETRIES);
    startListener(
        INVALID_TOPIC,
        handler,
        record -> {
          attempts.incrementAndGet();
          throw new InvalidEventException("Event has no string field 'type'");
        });
    String key = "spot-" + UUID.randomUUID();

    // when
    template.send(INVALID_TOPIC, key, "{\"not\": \"an event\"}").get(10, TimeUnit.SECONDS);

    // then
    ConsumerRecord<String, String> deadLetter = readDeadLetter(INVALID_TOPIC);
    assertThat(deadLetter.key()).isEqualTo(key);
    assertThat(deadLetter.value()).isEqualTo("{\"not\": \"an event\"}");
    assertThat(header(deadLetter, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(INVALID_TOPIC);
    assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
        .isEqualTo(InvalidEventException.class.getName());
    assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_MESSAGE))
        .contains("Event has no string field 'type'");
    assertThat(attempts).hasValue(1);
  }

  @Test
  void otherFailureIsRetriedThenDeadLettered() throws Exception {
    // given
    DefaultErrorHandler handler =
        KafkaDeadLetters.errorHandler(template, RETRY_INTERVAL, MAX_RETRIES);
    startListener(
        FAILING_TOPIC,
        handler,
        record -> {
          attempts.incrementAndGet();
          throw new IllegalStateException("database is down");
        });
    String key = "spot-" + UUID.randomUUID();

    // when
    template.send(FAILING_TOPIC, key, "{\"type\": \"spot.parked\"}").get(10, TimeUnit.SECONDS);

    // then
    ConsumerRecord<String, String> deadLetter = readDeadLetter(FAILING_TOPIC);
    assertThat(deadLetter.key()).isEqualTo(key);
    assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
        .isEqualTo(IllegalStateException.class.getName());
    assertThat(attempts).hasValue(1 + (int) MAX_RETRIES);
  }

  @Test
  void rejectsNegativeRetrySettings() {
    assertThatThrownBy(
            () -> KafkaDeadLetters.errorHandler(template, Duration.ofMillis(-1), MAX_RETRIES))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("retryInterval");
    assertThatThrownBy(() -> KafkaDeadLetters.errorHandler(template, RETRY_INTERVAL, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxRetries");
  }

  @Test
  void namesDeadLetterTopic() {
    assertThat(KafkaDeadLetters.topicName("parking.booking.events"))
        .isEqualTo("parking.booking.events.dlt");
    assertThat(KafkaDeadLetters.topic("parking.booking.events").name())
        .isEqualTo("parking.booking.events.dlt");
    assertThat(KafkaDeadLetters.topic("parking.booking.events").numPartitions()).isEqualTo(1);
  }

  private void startListener(
      String topic, DefaultErrorHandler handler, MessageListener<String, String> listener) {
    Map<String, Object> consumerProps =
        KafkaTestUtils.consumerProps(broker, "listener-" + UUID.randomUUID(), false);
    ContainerProperties properties = new ContainerProperties(topic);
    properties.setMessageListener(listener);
    container =
        new KafkaMessageListenerContainer<>(
            new DefaultKafkaConsumerFactory<>(
                consumerProps, new StringDeserializer(), new StringDeserializer()),
            properties);
    container.setCommonErrorHandler(handler);
    container.start();
  }

  private ConsumerRecord<String, String> readDeadLetter(String sourceTopic) {
    Map<String, Object> consumerProps =
        KafkaTestUtils.consumerProps(broker, "dead-letter-reader-" + UUID.randomUUID(), false);
    try (Consumer<String, String> consumer =
        new DefaultKafkaConsumerFactory<>(
                consumerProps, new StringDeserializer(), new StringDeserializer())
            .createConsumer()) {
      broker.consumeFromAnEmbeddedTopic(consumer, KafkaDeadLetters.topicName(sourceTopic));
      return KafkaTestUtils.getSingleRecord(
          consumer, KafkaDeadLetters.topicName(sourceTopic), RECORD_TIMEOUT);
    }
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    assertThat(header).as("header %s", name).isNotNull();
    return new String(header.value(), StandardCharsets.UTF_8);
  }
}
