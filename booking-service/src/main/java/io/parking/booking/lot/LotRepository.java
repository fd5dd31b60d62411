package io.parking.booking.lot;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface LotRepository extends JpaRepository<Lot, Long> {

  @Query("select distinct l from Lot l left join fetch l.floors order by l.id")
  List<Lot> findAllWithFloors();

  @Query("select l from Lot l left join fetch l.floors where l.id = :lotId")
  Optional<Lot> findWithFloors(@Param("lotId") long lotId);
}
