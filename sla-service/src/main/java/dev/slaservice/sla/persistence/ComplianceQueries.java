package dev.slaservice.sla.persistence;

import dev.slaservice.events.Metric;
import dev.slaservice.sla.domain.report.GroupTallies;
import dev.slaservice.sla.domain.report.MetricTally;
import dev.slaservice.sla.domain.report.ReportDimension;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Compliance tallies straight from the projection's outcome columns (V16), one pass over the
 * tickets opened in the period; never a replay of the event store.
 */
@ApplicationScoped
public class ComplianceQueries {

  /** The tickets a report covers: opened in [from, to), optionally of one customer and one plan. */
  public record Scope(Instant from, Instant to, ZoneId zone, String customerId, String planId) {}

  private static final Metric[] METRICS = Metric.values();

  private final Pool pool;

  public ComplianceQueries(Pool pool) {
    this.pool = pool;
  }

  public Uni<List<GroupTallies>> tallies(Scope scope, Set<ReportDimension> groupBy) {
    List<Object> parameters = new ArrayList<>();
    parameters.add(OffsetDateTime.ofInstant(scope.from(), ZoneOffset.UTC));
    parameters.add(OffsetDateTime.ofInstant(scope.to(), ZoneOffset.UTC));
    StringJoiner where = new StringJoiner(" and ", " where ", "");
    where.add("opened").add("opened_at >= $1").add("opened_at < $2");
    if (scope.customerId() != null) {
      parameters.add(scope.customerId());
      where.add("customer_id = $" + parameters.size());
    }
    if (scope.planId() != null) {
      parameters.add(scope.planId());
      where.add("plan_id = $" + parameters.size());
    }
    List<String> keys = new ArrayList<>();
    for (ReportDimension dimension :
        List.of(
            ReportDimension.PLAN,
            ReportDimension.PRIORITY,
            ReportDimension.CUSTOMER,
            ReportDimension.MONTH)) {
      if (groupBy.contains(dimension)) {
        keys.add(
            switch (dimension) {
              case PLAN -> "plan_id collate \"C\"";
              case PRIORITY -> "priority collate \"C\"";
              case CUSTOMER -> "customer_id collate \"C\"";
              case MONTH -> {
                parameters.add(scope.zone().getId());
                yield "to_char(opened_at at time zone $" + parameters.size() + ", 'YYYY-MM')";
              }
              case METRIC -> throw new IllegalStateException("metric is a column group, not a key");
            });
      }
    }
    boolean perMetric = groupBy.contains(ReportDimension.METRIC);
    StringJoiner select = new StringJoiner(", ", "select ", "");
    for (int key = 0; key < keys.size(); key++) {
      select.add(keys.get(key) + " as k" + key);
    }
    select.add("count(*)");
    for (Metric metric : METRICS) {
      String outcome = MetricOutcomeColumns.outcome(metric);
      select
          .add("count(*) filter (where " + outcome + " is not null)")
          .add("count(*) filter (where " + outcome + " = " + MetricOutcomeColumns.MET + ")")
          .add("count(*) filter (where " + outcome + " = " + MetricOutcomeColumns.BREACHED + ")")
          .add("count(*) filter (where " + outcome + " < " + MetricOutcomeColumns.MET + ")");
      if (perMetric) {
        select.add(
            "percentile_disc(array[0.5, 0.9]) within group (order by "
                + MetricOutcomeColumns.seconds(metric)
                + ") filter (where "
                + outcome
                + " = "
                + MetricOutcomeColumns.MET
                + ")");
      }
    }
    StringBuilder sql =
        new StringBuilder(select.toString()).append(" from ticket_projection").append(where);
    if (!keys.isEmpty()) {
      StringJoiner positions = new StringJoiner(", ");
      for (int key = 1; key <= keys.size(); key++) {
        positions.add(Integer.toString(key));
      }
      sql.append(" group by ").append(positions).append(" order by ").append(positions);
    }
    return pool.preparedQuery(sql.toString())
        .execute(Tuple.from(parameters))
        .map(
            rows -> {
              List<GroupTallies> groups = new ArrayList<>();
              for (Row row : rows) {
                groups.add(read(row, groupBy, perMetric));
              }
              return groups;
            });
  }

  private static GroupTallies read(Row row, Set<ReportDimension> groupBy, boolean perMetric) {
    int column = 0;
    String planId = groupBy.contains(ReportDimension.PLAN) ? row.getString(column++) : null;
    String priority = groupBy.contains(ReportDimension.PRIORITY) ? row.getString(column++) : null;
    String customerId = groupBy.contains(ReportDimension.CUSTOMER) ? row.getString(column++) : null;
    YearMonth month =
        groupBy.contains(ReportDimension.MONTH) ? YearMonth.parse(row.getString(column++)) : null;
    long tickets = row.getLong(column++);
    List<MetricTally> metrics = new ArrayList<>(METRICS.length);
    for (Metric metric : METRICS) {
      long withClock = row.getLong(column++);
      long met = row.getLong(column++);
      long breached = row.getLong(column++);
      long running = row.getLong(column++);
      Integer[] percentiles = perMetric ? row.getArrayOfIntegers(column++) : null;
      metrics.add(
          new MetricTally(
              metric,
              withClock,
              met,
              breached,
              running,
              seconds(percentiles, 0),
              seconds(percentiles, 1)));
    }
    return new GroupTallies(planId, priority, customerId, month, tickets, metrics);
  }

  private static Duration seconds(Integer[] percentiles, int index) {
    return percentiles == null || percentiles[index] == null
        ? null
        : Duration.ofSeconds(percentiles[index]);
  }
}
