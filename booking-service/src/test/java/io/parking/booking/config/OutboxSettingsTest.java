package io.parking.booking.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.parking.booking.support.IntegrationTest;
import io.parking.outbox.OutboxProperties;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Booking's {@code application.yml} sets the transactional-outbox module's {@code parking.outbox.*}
 * settings from the {@code PARKING_OUTBOX_*} environment variables, and configures the Kafka
 * producer as the module's relay requires.
 */
class OutboxSettingsTest extends IntegrationTest {

  @Autowired private ProducerFactory<?, ?> producerFactory;
  @Autowired private OutboxProperties outboxProperties;

  @Test
  void defaultsApplyWithoutVariables() throws IOException {
    OutboxProperties settings = bindOutbox(Map.of());

    assertThat(settings.relayEnabled()).isTrue();
    assertThat(settings.relayInterval()).isEqualTo(Duration.ofMillis(500));
    assertThat(settings.batchSize()).isEqualTo(200);
    assertThat(settings.sendTimeout()).isEqualTo(Duration.ofSeconds(25));
    assertThat(settings.retention()).isEqualTo(Duration.ofDays(7));
    assertThat(settings.purgeInterval()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void variablesOverrideEachSetting() throws IOException {
    OutboxProperties settings =
        bindOutbox(
            Map.of(
                "PARKING_OUTBOX_RELAY_ENABLED", "false",
                "PARKING_OUTBOX_RELAY_INTERVAL", "250ms",
                "PARKING_OUTBOX_BATCH_SIZE", "50",
                "PARKING_OUTBOX_SEND_TIMEOUT", "40s",
                "PARKING_OUTBOX_RETENTION", "3d",
                "PARKING_OUTBOX_PURGE_INTERVAL", "30m"));

    assertThat(settings.relayEnabled()).isFalse();
    assertThat(settings.relayInterval()).isEqualTo(Duration.ofMillis(250));
    assertThat(settings.batchSize()).isEqualTo(50);
    assertThat(settings.sendTimeout()).isEqualTo(Duration.ofSeconds(40));
    assertThat(settings.retention()).isEqualTo(Duration.ofDays(3));
    assertThat(settings.purgeInterval()).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void producerSerializesStrings() {
    Map<String, Object> config = producerFactory.getConfigurationProperties();

    assertThat(config.get(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG))
        .isEqualTo(StringSerializer.class);
    assertThat(config.get(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG))
        .isEqualTo(StringSerializer.class);
  }

  /**
   * The relay waits up to send-timeout for an acknowledgement. A shorter wait would count a
   * failure, and send the event again, while the producer may still deliver it.
   */
  @Test
  void sendTimeoutExceedsProducerTimeouts() {
    Map<String, Object> config = producerFactory.getConfigurationProperties();
    Duration maxBlock = millis(config.get(ProducerConfig.MAX_BLOCK_MS_CONFIG));
    Duration delivery = millis(config.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG));

    assertThat(outboxProperties.sendTimeout()).isGreaterThan(maxBlock.plus(delivery));
  }

  /**
   * Binds {@code parking.outbox} from application.yml, resolving its placeholders against {@code
   * variables} only, so variables of the machine running the test do not leak in.
   */
  private static OutboxProperties bindOutbox(Map<String, Object> variables) throws IOException {
    MutablePropertySources sources = new MutablePropertySources();
    sources.addLast(new MapPropertySource("variables", variables));
    for (PropertySource<?> yaml :
        new YamlPropertySourceLoader()
            .load("application.yml", new ClassPathResource("application.yml"))) {
      sources.addLast(yaml);
    }
    Binder binder =
        new Binder(
            ConfigurationPropertySources.from(sources),
            new PropertySourcesPlaceholdersResolver(sources));
    return binder.bindOrCreate("parking.outbox", OutboxProperties.class);
  }

  private static Duration millis(Object configured) {
    assertThat(configured).as("producer setting in application.yml").isNotNull();
    return Duration.ofMillis(Long.parseLong(configured.toString()));
  }
}
