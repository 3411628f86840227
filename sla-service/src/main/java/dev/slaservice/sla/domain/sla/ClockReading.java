package dev.slaservice.sla.domain.sla;

import dev.slaservice.events.Metric;
import java.time.Duration;
import java.time.Instant;

/**
 * A clock as it reads at one instant.
 *
 * @param calendarId the calendar counted in; {@code agreed:<customer>} for hours agreed with the
 *     customer
 * @param calendarVersion the catalog version of the plan's calendar in force when the ticket was
 *     opened
 * @param deadline when the target is used up; null while paused (it depends on when work resumes)
 * @param elapsed business time counted so far (up to the stop for a stopped clock)
 * @param remaining what is left of the target, never negative
 * @param stoppedAt when the stopping event happened, null while the clock runs or is paused
 * @param atRiskFrom for a running clock, when its first warning share of the target is (or was)
 *     used up if it goes on running; null otherwise or for a plan without warnings
 * @param cycleStartedAt for a reply metric (NEXT_REPLY, PERIODIC_UPDATE), when the cycle read here
 *     (the latest) started; null for a clock that runs once
 */
public record ClockReading(
    Metric metric,
    ClockStatus status,
    String calendarId,
    int calendarVersion,
    boolean pausable,
    Duration target,
    Instant deadline,
    Duration elapsed,
    Duration remaining,
    Instant stoppedAt,
    Instant atRiskFrom,
    Instant cycleStartedAt) {}
