package io.parking.booking.lot;

import static org.assertj.core.api.Assertions.assertThat;

import io.parking.booking.support.IntegrationTest;
import io.parking.booking.support.TestLots;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

class SpotRepositoryTest extends IntegrationTest {

  @Autowired private SpotRepository spots;
  @Autowired private TransactionTemplate transactions;
  @Autowired private JdbcClient jdbc;

  @Test
  void moveStatusWithStaleVersionUpdatesNothing() {
    long spotId = TestLots.create(jdbc, 1).spot(0);
    SpotState read = spots.findState(spotId).orElseThrow();
    transactions.executeWithoutResult(
        status -> spots.moveStatus(spotId, read.version(), SpotStatus.OCCUPIED.stored()));

    Integer updated =
        transactions.execute(
            status -> spots.moveStatus(spotId, read.version(), SpotStatus.RESERVED.stored()));

    assertThat(updated).isZero();
    assertThat(TestLots.status(jdbc, spotId)).isEqualTo("occupied");
    assertThat(TestLots.version(jdbc, spotId)).isEqualTo(1);
  }

  @Test
  void findStateReturnsLocationStatusAndVersion() {
    var lot = TestLots.create(jdbc, 1);

    SpotState state = spots.findState(lot.spot(0)).orElseThrow();

    assertThat(state.floorId()).isEqualTo(lot.floor(0).floorId());
    assertThat(state.lotId()).isEqualTo(lot.lotId());
    assertThat(state.status()).isEqualTo(SpotStatus.AVAILABLE);
    assertThat(state.version()).isZero();
  }
}
