package io.parking.iot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class IotGatewayApplication {

  public static void main(String[] args) {
    SpringApplication.run(IotGatewayApplication.class, args);
  }
}
