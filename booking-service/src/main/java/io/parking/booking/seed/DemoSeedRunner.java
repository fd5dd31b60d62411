package io.parking.booking.seed;

import io.parking.booking.config.ParkingProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Seeds the demo lot at start-up when {@code parking.demo-seed} is true. */
@Component
class DemoSeedRunner implements ApplicationRunner {

  private final ParkingProperties properties;
  private final DemoLotSeeder seeder;

  DemoSeedRunner(ParkingProperties properties, DemoLotSeeder seeder) {
    this.properties = properties;
    this.seeder = seeder;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (properties.demoSeed()) {
      seeder.seedIfAbsent();
    }
  }
}
