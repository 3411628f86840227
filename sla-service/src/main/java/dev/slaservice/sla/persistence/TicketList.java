package dev.slaservice.sla.persistence;

import dev.slaservice.events.Metric;
import dev.slaservice.sla.domain.sla.ClockStatus;
import dev.slaservice.sla.domain.sla.PlannedTicket;
import dev.slaservice.sla.domain.sla.TicketState;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Lists tickets from the projection by state, customer, plan, priority and deadline, sorted by
 * deadline (tickets without one last) then id, one page at a time after a keyset cursor. The state
 * rule is {@link TicketState#of(ClockStatus, Instant, Instant, Instant)} written in SQL, so a
 * deadline or warning passed since the last re-fold counts at once. The SQL is assembled from fixed
 * fragments only; every value is a bound parameter.
 */
@ApplicationScoped
public class TicketList {

  /**
   * What to list; null or empty means "any". With a metric, state and deadline are that clock's.
   */
  public record Filter(
      Set<TicketState> states,
      String customerId,
      String planId,
      String priority,
      Metric metric,
      Instant dueBefore,
      Instant dueAfter) {}

  /** Where the previous page ended: its last row's deadline (null for none) and ticket id. */
  public record Cursor(Instant deadline, String ticketId) {}

  /** One listed ticket (or one clock of it, with a metric filter). */
  public record Entry(
      String ticketId,
      String customerId,
      String planId,
      int planVersion,
      String priority,
      Metric metric,
      TicketState state,
      Instant deadline,
      Instant atRiskFrom)
      implements PlannedTicket {

    public Cursor cursor() {
      return new Cursor(deadline, ticketId);
    }
  }

  private static final String TICKETS =
      """
          select p.ticket_id, p.customer_id, p.plan_id, p.plan_version, p.priority,
          cast(null as varchar) as metric, p.status, p.due_at as deadline, p.next_deadline as running_deadline,
          p.at_risk_from from ticket_projection p where p.opened""";
  private static final String CLOCKS =
      """
          select p.ticket_id, p.customer_id, p.plan_id, p.plan_version, p.priority,
          c.clock ->> 'metric' as metric, c.clock ->> 'status' as status,
          cast(c.clock ->> 'deadline' as timestamptz) as deadline,
          case when c.clock ->> 'status' = 'RUNNING' then cast(c.clock ->> 'deadline' as timestamptz) end
          as running_deadline, cast(c.clock ->> 'atRiskFrom' as timestamptz) as at_risk_from
          from ticket_projection p cross join lateral jsonb_array_elements(p.clocks) as c(clock)
          where p.opened and c.clock ->> 'metric' =\s""";

  private static String breached(String now) {
    return "(t.status = 'BREACHED' or (t.status = 'RUNNING' and t.running_deadline <= "
        + now
        + "))";
  }

  private static String atRisk(String now) {
    return "(t.status = 'RUNNING' and t.running_deadline > "
        + now
        + " and t.at_risk_from <= "
        + now
        + ")";
  }

  private static String running(String now) {
    return "(t.status = 'RUNNING' and (t.running_deadline is null or t.running_deadline > "
        + now
        + ") and (t.at_risk_from is null or t.at_risk_from > "
        + now
        + "))";
  }

  /** A statement's parameters, each numbered as it is added. */
  private static final class Parameters {

    private final Tuple values = Tuple.tuple();

    /** Adds {@code value}; returns its placeholder. */
    String add(Object value) {
      values.addValue(value);
      return "$" + values.size();
    }
  }

  private final Pool pool;

  public TicketList(Pool pool) {
    this.pool = pool;
  }

  /**
   * Up to {@code limit} entries after {@code after} (null for the first page), states as of {@code
   * now}.
   */
  public Uni<List<Entry>> page(Filter filter, Cursor after, int limit, Instant now) {
    Parameters parameters = new Parameters();
    StringBuilder sql =
        new StringBuilder(
                """
                    select t.ticket_id, t.customer_id, t.plan_id, t.plan_version,
                    t.priority, t.metric, t.status, t.deadline, t.running_deadline, t.at_risk_from from (""")
            .append(
                filter.metric() == null ? TICKETS : CLOCKS + parameters.add(filter.metric().name()))
            .append(") t where true");
    List<String> conditions = new ArrayList<>();
    if (filter.states() != null && !filter.states().isEmpty()) {
      boolean needsNow =
          filter.states().contains(TicketState.BREACHED)
              || filter.states().contains(TicketState.AT_RISK)
              || filter.states().contains(TicketState.RUNNING);
      String at = needsNow ? parameters.add(Sql.at(now)) : null;
      StringJoiner any = new StringJoiner(" or ", "(", ")");
      for (TicketState state : filter.states()) {
        any.add(
            switch (state) {
              case BREACHED -> breached(at);
              case AT_RISK -> atRisk(at);
              case RUNNING -> running(at);
              case PAUSED -> "t.status = 'PAUSED'";
              case MET -> "t.status = 'MET'";
            });
      }
      conditions.add(any.toString());
    }
    if (filter.customerId() != null) {
      conditions.add("t.customer_id = " + parameters.add(filter.customerId()));
    }
    if (filter.planId() != null) {
      conditions.add("t.plan_id = " + parameters.add(filter.planId()));
    }
    if (filter.priority() != null) {
      conditions.add("t.priority = " + parameters.add(filter.priority()));
    }
    if (filter.dueBefore() != null) {
      conditions.add("t.deadline < " + parameters.add(Sql.at(filter.dueBefore())));
    }
    if (filter.dueAfter() != null) {
      conditions.add("t.deadline >= " + parameters.add(Sql.at(filter.dueAfter())));
    }
    if (after != null) {
      String afterTicket = parameters.add(after.ticketId());
      if (after.deadline() == null) {
        conditions.add("(t.deadline is null and t.ticket_id > " + afterTicket + ")");
      } else {
        String afterDeadline = parameters.add(Sql.at(after.deadline()));
        conditions.add(
            "(t.deadline > "
                + afterDeadline
                + " or (t.deadline = "
                + afterDeadline
                + " and t.ticket_id > "
                + afterTicket
                + ") or t.deadline is null)");
      }
    }
    conditions.forEach(c -> sql.append(" and ").append(c));
    sql.append(" order by t.deadline asc nulls last, t.ticket_id asc limit ")
        .append(parameters.add(limit));
    return Sql.of(pool).list(sql.toString(), parameters.values, row -> entry(row, now));
  }

  private static Entry entry(Row row, Instant now) {
    ClockStatus status = ClockStatus.valueOf(row.getString(6));
    Instant deadline = Sql.instant(row, 7);
    Instant runningDeadline = Sql.instant(row, 8);
    Instant atRiskFrom = Sql.instant(row, 9);
    String metric = row.getString(5);
    return new Entry(
        row.getString(0),
        row.getString(1),
        row.getString(2),
        row.getInteger(3),
        row.getString(4),
        metric == null ? null : Metric.valueOf(metric),
        TicketState.of(status, runningDeadline, atRiskFrom, now),
        deadline,
        status == ClockStatus.RUNNING ? atRiskFrom : null);
  }
}
