package dev.slaservice.sla.domain.report;

import dev.slaservice.events.Metric;
import java.time.Duration;

/**
 * One metric's clocks within a group of tickets.
 *
 * @param tickets the tickets of the group with a clock of this metric
 * @param running clocks still running or paused
 * @param median the median business time to meet among the met clocks, null when none met
 * @param p90 the 90th percentile of the same, null when none met
 */
public record MetricTally(
    Metric metric,
    long tickets,
    long met,
    long breached,
    long running,
    Duration median,
    Duration p90) {}
