package dev.slaservice.sla.persistence;

import dev.slaservice.events.Metric;
import dev.slaservice.sla.domain.sla.ClockStatus;
import dev.slaservice.sla.domain.sla.MetricOutcome;
import dev.slaservice.sla.domain.sla.SlaFact;
import dev.slaservice.sla.domain.sla.TicketSla;
import dev.slaservice.sla.persistence.ColumnArrays.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The projection's two columns per metric that compliance reports read (V16): {@code
 * <metric>_outcome} (0 running, 1 paused, 2 met, 3 breached; null without such a clock) and {@code
 * <metric>_seconds} (the business seconds to meet, when met).
 */
final class MetricOutcomeColumns {

  static final int RUNNING = 0;
  static final int PAUSED = 1;
  static final int MET = 2;
  static final int BREACHED = 3;

  static final int COUNT = 2 * Metric.values().length;
  static final String UPDATES =
      names().stream().map(n -> n + " = excluded." + n).collect(Collectors.joining(", "));

  private MetricOutcomeColumns() {}

  static String outcome(Metric metric) {
    return metric.name().toLowerCase(Locale.ROOT) + "_outcome";
  }

  static String seconds(Metric metric) {
    return metric.name().toLowerCase(Locale.ROOT) + "_seconds";
  }

  private static List<String> names() {
    List<String> names = new ArrayList<>(COUNT);
    for (Metric metric : Metric.values()) {
      names.add(outcome(metric));
      names.add(seconds(metric));
    }
    return names;
  }

  /** The given columns followed by these. */
  static List<ColumnArrays.Column> after(ColumnArrays.Column... first) {
    List<ColumnArrays.Column> all = new ArrayList<>(Arrays.asList(first));
    for (Metric metric : Metric.values()) {
      all.add(Type.SMALLINT.of(outcome(metric)));
      all.add(Type.INTEGER.of(seconds(metric)));
    }
    return all;
  }

  /** The given values followed by these columns' for the ticket. */
  static Object[] withValues(TicketSla sla, List<SlaFact> published, Object... first) {
    Object[] values = Arrays.copyOf(first, first.length + COUNT);
    for (MetricOutcome outcome : MetricOutcome.of(sla.clocks(), published)) {
      int column = first.length + 2 * outcome.metric().ordinal();
      values[column] = code(outcome.status());
      values[column + 1] = outcome.timeToMeet() == null ? null : outcome.timeToMeet().toSeconds();
    }
    return values;
  }

  static int code(ClockStatus status) {
    return switch (status) {
      case RUNNING -> RUNNING;
      case PAUSED -> PAUSED;
      case MET -> MET;
      case BREACHED -> BREACHED;
    };
  }
}
