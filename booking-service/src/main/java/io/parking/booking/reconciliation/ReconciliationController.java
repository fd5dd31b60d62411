package io.parking.booking.reconciliation;

import io.parking.booking.lot.LotNotFoundException;
import io.parking.booking.lot.SpotRepository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator API of the reconciliation records. The records name drivers, so only tokens with the
 * operator role reach it.
 */
@RestController
class ReconciliationController {

  private final ReconciliationRecords records;
  private final SpotRepository spots;

  ReconciliationController(ReconciliationRecords records, SpotRepository spots) {
    this.records = records;
    this.spots = spots;
  }

  /** Returns the lot's unreserved occupancies, wrong-spot suspicions and overstays. */
  @GetMapping("/api/operator/reconciliation")
  @Transactional(readOnly = true)
  ReconciliationReport report(@RequestParam long lotId) {
    if (spots.findLotTimeZone(lotId).isEmpty()) {
      throw new LotNotFoundException(lotId);
    }
    return records.report(lotId);
  }
}
