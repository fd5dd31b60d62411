package io.parking.booking.lot;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A parking facility. The demo seed or SQL creates lots, and the API only reads them. */
@Entity
@Table(name = "lots")
public class Lot {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "lot_id")
  private Long id;

  private String code;

  private String name;

  private String address;

  @Column(precision = 9, scale = 6)
  private BigDecimal lat;

  @Column(precision = 9, scale = 6)
  private BigDecimal lng;

  @Column(name = "time_zone")
  private String timeZone;

  @Column(name = "total_spots")
  private int totalSpots;

  @Column(name = "created_at")
  private Instant createdAt;

  @OneToMany(mappedBy = "lot")
  @OrderBy("floorNumber")
  private List<Floor> floors = new ArrayList<>();

  protected Lot() {}

  public Long getId() {
    return id;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public String getAddress() {
    return address;
  }

  public BigDecimal getLat() {
    return lat;
  }

  public BigDecimal getLng() {
    return lng;
  }

  public String getTimeZone() {
    return timeZone;
  }

  public int getTotalSpots() {
    return totalSpots;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public List<Floor> getFloors() {
    return List.copyOf(floors);
  }
}
