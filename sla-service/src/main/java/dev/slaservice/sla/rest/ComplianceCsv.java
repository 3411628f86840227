package dev.slaservice.sla.rest;

import dev.slaservice.sla.domain.report.ComplianceRow;
import dev.slaservice.sla.domain.report.ReportDimension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A compliance report as CSV (RFC 4180): a header, then a line per group; the group keys first, in
 * the order plan, priority, metric, customer, month; times to meet in seconds for spreadsheets.
 */
final class ComplianceCsv {

  private ComplianceCsv() {}

  static String write(Set<ReportDimension> groupBy, List<ComplianceRow> rows) {
    StringBuilder csv = new StringBuilder();
    List<String> header = new ArrayList<>();
    for (ReportDimension dimension : ReportDimension.values()) {
      if (groupBy.contains(dimension)) {
        header.add(
            switch (dimension) {
              case PLAN -> "plan_id";
              case PRIORITY -> "priority";
              case METRIC -> "metric";
              case CUSTOMER -> "customer_id";
              case MONTH -> "month";
            });
      }
    }
    header.addAll(
        List.of(
            "tickets",
            "met",
            "breached",
            "running",
            "compliance_percent",
            "median_time_to_meet_seconds",
            "p90_time_to_meet_seconds"));
    line(csv, header);
    for (ComplianceRow row : rows) {
      List<String> cells = new ArrayList<>();
      for (ReportDimension dimension : ReportDimension.values()) {
        if (groupBy.contains(dimension)) {
          cells.add(
              switch (dimension) {
                case PLAN -> row.planId();
                case PRIORITY -> row.priority();
                case METRIC -> row.metric().name();
                case CUSTOMER -> row.customerId();
                case MONTH -> row.month().toString();
              });
        }
      }
      cells.add(Long.toString(row.tickets()));
      cells.add(Long.toString(row.met()));
      cells.add(Long.toString(row.breached()));
      cells.add(Long.toString(row.running()));
      cells.add(row.compliancePercent() == null ? "" : row.compliancePercent().toPlainString());
      cells.add(seconds(row.medianTimeToMeet()));
      cells.add(seconds(row.p90TimeToMeet()));
      line(csv, cells);
    }
    return csv.toString();
  }

  private static String seconds(Duration duration) {
    return duration == null ? "" : Long.toString(duration.toSeconds());
  }

  private static void line(StringBuilder csv, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        csv.append(',');
      }
      csv.append(quoted(cells.get(i)));
    }
    csv.append("\r\n");
  }

  private static String quoted(String cell) {
    if (cell == null) {
      return "";
    }
    if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
      return '"' + cell.replace("\"", "\"\"") + '"';
    }
    return cell;
  }
}
