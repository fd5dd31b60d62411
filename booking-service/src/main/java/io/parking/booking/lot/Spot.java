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

/**
 * A parking spot. Its status changes only through {@link SpotRepository#moveStatus}, a
 * version-guarded update, so that two drivers or a driver and a sensor never both win the same
 * spot. The entity itself is read-only: it exists for queries and schema validation.
 */
@Entity
@Table(name = "spots")
public class Spot {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "spot_id")
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "floor_id")
  private Floor floor;

  @Column(name = "spot_number")
  private String spotNumber;

  private SpotType type;

  private SpotStatus status;

  private long version;

  protected Spot() {}

  public Long getId() {
    return id;
  }

  public String getSpotNumber() {
    return spotNumber;
  }

  public SpotType getType() {
    return type;
  }

  public SpotStatus getStatus() {
    return status;
  }

  public long getVersion() {
    return version;
  }
}
