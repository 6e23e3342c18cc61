package io.regulus.assessment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A tenant's group of assessments, e.g. a fiscal year or a set of subsidiaries. Operational and
 * documentation actions keep one status per group. Ids come from the table's identity sequence in
 * the tenant schema.
 */
@Entity
@Table(name = "assessment_group")
public class AssessmentGroup {

  public static final int NAME_MAX = 120;
  public static final int DESCRIPTION_MAX = 2000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = NAME_MAX)
  private String name;

  @Column(length = DESCRIPTION_MAX)
  private String description;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "created_by", nullable = false, updatable = false)
  private String createdBy;

  @Version private long version;

  protected AssessmentGroup() {}

  AssessmentGroup(String name, String description, String createdBy, Instant createdAt) {
    this.name = name;
    this.description = description;
    this.createdBy = createdBy;
    this.createdAt = createdAt.atOffset(ZoneOffset.UTC);
  }

  public Long id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  public Instant createdAt() {
    return createdAt == null ? null : createdAt.toInstant();
  }

  public String createdBy() {
    return createdBy;
  }

  public long version() {
    return version;
  }
}
