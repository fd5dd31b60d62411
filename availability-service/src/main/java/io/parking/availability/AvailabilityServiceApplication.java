package io.parking.availability;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class AvailabilityServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(AvailabilityServiceApplication.class, args);
  }
}
