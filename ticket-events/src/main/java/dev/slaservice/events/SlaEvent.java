package dev.slaservice.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Duration;
import java.time.Instant;

/**
 * An integration event the SLA service publishes about one clock of one ticket. {@code id} is
 * stable: the same fact always carries the same id, so a consumer can de-duplicate on it. Instants
 * are UTC; {@code target} is an ISO-8601 duration of business time.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = SlaEvent.SlaBreached.class, name = "SlaBreached"),
  @JsonSubTypes.Type(value = SlaEvent.SlaBreachRetracted.class, name = "SlaBreachRetracted"),
  @JsonSubTypes.Type(value = SlaEvent.SlaWarningReached.class, name = "SlaWarningReached"),
  @JsonSubTypes.Type(value = SlaEvent.SlaMet.class, name = "SlaMet"),
  @JsonSubTypes.Type(value = SlaEvent.SlaGoalChanged.class, name = "SlaGoalChanged")
})
public sealed interface SlaEvent {

  String id();

  String ticketId();

  String customerId();

  String planId();

  String priority();

  Metric metric();

  Duration target();

  Instant deadline();

  /** When the service established the fact (its own clock), not when the fact took effect. */
  Instant detectedAt();

  @JsonIgnore
  default String typeName() {
    return getClass().getSimpleName();
  }

  /** The clock's deadline passed while it was still running. */
  record SlaBreached(
      String id,
      String ticketId,
      String customerId,
      String planId,
      String priority,
      Metric metric,
      Duration target,
      Instant deadline,
      Instant detectedAt)
      implements SlaEvent {}

  /** A breach published earlier no longer holds (a late event or a downgrade disproved it). */
  record SlaBreachRetracted(
      String id,
      String ticketId,
      String customerId,
      String planId,
      String priority,
      Metric metric,
      Duration target,
      Instant deadline,
      Instant detectedAt,
      String retractedBreachId)
      implements SlaEvent {}

  /** The clock used {@code percent} % of its target at {@code reachedAt}. */
  record SlaWarningReached(
      String id,
      String ticketId,
      String customerId,
      String planId,
      String priority,
      Metric metric,
      Duration target,
      Instant deadline,
      Instant detectedAt,
      int percent,
      Instant reachedAt)
      implements SlaEvent {}

  /** The clock stopped at {@code metAt}, no later than its deadline. */
  record SlaMet(
      String id,
      String ticketId,
      String customerId,
      String planId,
      String priority,
      Metric metric,
      Duration target,
      Instant deadline,
      Instant detectedAt,
      Instant metAt)
      implements SlaEvent {}

  /**
   * The clock's target or deadline moved (a re-rating, a pause, a late event): {@code target} and
   * {@code deadline} are the new ones, {@code previousTarget} and {@code previousDeadline} the old.
   */
  record SlaGoalChanged(
      String id,
      String ticketId,
      String customerId,
      String planId,
      String priority,
      Metric metric,
      Duration target,
      Instant deadline,
      Instant detectedAt,
      Duration previousTarget,
      Instant previousDeadline)
      implements SlaEvent {}
}
