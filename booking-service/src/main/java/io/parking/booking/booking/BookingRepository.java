package io.parking.booking.booking;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface BookingRepository extends JpaRepository<Booking, UUID> {

  /**
   * Loads a booking and locks its row until the transaction ends, so that two concurrent changes of
   * one booking (a cancel and a check-in, say) run one after the other and the second sees the
   * first one's result.
   */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select b from Booking b where b.id = :bookingId")
  Optional<Booking> findForUpdate(@Param("bookingId") UUID bookingId);

  Page<Booking> findByUserId(String userId, Pageable pageable);

  Page<Booking> findByUserIdAndStatus(String userId, BookingStatus status, Pageable pageable);
}
