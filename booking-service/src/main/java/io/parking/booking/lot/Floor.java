package io.parking.booking.lot;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One level of a lot. */
@Entity
@Table(name = "floors")
public class Floor {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "floor_id")
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "lot_id")
  private Lot lot;

  @Column(name = "floor_number")
  private int floorNumber;

  @Column(name = "spot_count")
  private int spotCount;

  protected Floor() {}

  public Long getId() {
    return id;
  }

  public int getFloorNumber() {
    return floorNumber;
  }

  public int getSpotCount() {
    return spotCount;
  }
}
