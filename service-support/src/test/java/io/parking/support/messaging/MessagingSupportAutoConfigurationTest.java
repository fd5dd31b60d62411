package io.parking.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

class MessagingSupportAutoConfigurationTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(MessagingSupportAutoConfiguration.class));

  @Test
  void registersEventReaderWithJsonMapper() {
    runner
        .withBean(JsonMapper.class, () -> JsonMapper.builder().build())
        .run(context -> assertThat(context).hasSingleBean(EventReader.class));
  }

  @Test
  void backsOffWithoutJsonMapperBean() {
    runner.run(context -> assertThat(context).doesNotHaveBean(EventReader.class));
  }

  @Test
  void backsOffWithoutSpringKafka() {
    runner
        .withBean(JsonMapper.class, () -> JsonMapper.builder().build())
        .withClassLoader(new FilteredClassLoader(KafkaTemplate.class))
        .run(context -> assertThat(context).doesNotHaveBean(EventReader.class));
  }

  @Test
  void keepsServiceOwnEventReader() {
    EventReader own = new EventReader(JsonMapper.builder().build());

    runner
        .withBean(JsonMapper.class, () -> JsonMapper.builder().build())
        .withBean("eventReader", EventReader.class, () -> own)
        .run(context -> assertThat(context.getBean(EventReader.class)).isSameAs(own));
  }
}
