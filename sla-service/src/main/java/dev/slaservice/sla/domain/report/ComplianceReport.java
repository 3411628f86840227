package dev.slaservice.sla.domain.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns the projection's tallies into report lines: one per metric when grouped by metric, else one
 * per group.
 */
public final class ComplianceReport {

  private ComplianceReport() {}

  public static List<ComplianceRow> rows(List<GroupTallies> groups, Set<ReportDimension> groupBy) {
    List<ComplianceRow> rows = new ArrayList<>();
    for (GroupTallies group : groups) {
      if (groupBy.contains(ReportDimension.METRIC)) {
        for (MetricTally tally : group.metrics()) {
          if (tally.tickets() > 0) {
            rows.add(
                new ComplianceRow(
                    group.planId(),
                    group.priority(),
                    tally.metric(),
                    group.customerId(),
                    group.month(),
                    tally.tickets(),
                    tally.met(),
                    tally.breached(),
                    tally.running(),
                    tally.median(),
                    tally.p90()));
          }
        }
      } else {
        long met = 0;
        long breached = 0;
        long running = 0;
        for (MetricTally tally : group.metrics()) {
          met += tally.met();
          breached += tally.breached();
          running += tally.running();
        }
        rows.add(
            new ComplianceRow(
                group.planId(),
                group.priority(),
                null,
                group.customerId(),
                group.month(),
                group.tickets(),
                met,
                breached,
                running,
                null,
                null));
      }
    }
    return rows;
  }
}
