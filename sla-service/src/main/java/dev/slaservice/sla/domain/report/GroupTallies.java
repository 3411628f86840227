package dev.slaservice.sla.domain.report;

import java.time.YearMonth;
import java.util.List;

/**
 * A group of tickets as the projection counts it: its keys (null for a dimension not grouped by),
 * how many tickets it holds, and the tally of each metric.
 */
public record GroupTallies(
    String planId,
    String priority,
    String customerId,
    YearMonth month,
    long tickets,
    List<MetricTally> metrics) {}
