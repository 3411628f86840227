package dev.slaservice.sla.persistence;

import dev.slaservice.events.Metric;
import dev.slaservice.sla.domain.sla.ClockStatus;
import dev.slaservice.sla.domain.sla.PlannedTicket;
import dev.slaservice.sla.domain.sla.TicketState;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import org.hibernate.reactive.mutiny.Mutiny;

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
          where p.opened and c.clock ->> 'metric' = :metric""";
  private static final String BREACHED =
      "(t.status = 'BREACHED' or (t.status = 'RUNNING' and t.running_deadline <= :now))";
  private static final String AT_RISK =
      "(t.status = 'RUNNING' and t.running_deadline > :now and t.at_risk_from <= :now)";
  private static final String RUNNING =
      "(t.status = 'RUNNING' and (t.running_deadline is null"
          + " or t.running_deadline > :now) and (t.at_risk_from is null or t.at_risk_from > :now))";

  private final Mutiny.SessionFactory sessions;

  public TicketList(Mutiny.SessionFactory sessions) {
    this.sessions = sessions;
  }

  /**
   * Up to {@code limit} entries after {@code after} (null for the first page), states as of {@code
   * now}.
   */
  public Uni<List<Entry>> page(Filter filter, Cursor after, int limit, Instant now) {
    StringBuilder sql =
        new StringBuilder(
                """
                    select t.ticket_id, t.customer_id, t.plan_id, t.plan_version,
                    t.priority, t.metric, t.status, t.deadline, t.running_deadline, t.at_risk_from from (""")
            .append(filter.metric() == null ? TICKETS : CLOCKS)
            .append(") t where true");
    List<String> conditions = new ArrayList<>();
    boolean needsNow = false;
    if (filter.states() != null && !filter.states().isEmpty()) {
      StringJoiner any = new StringJoiner(" or ", "(", ")");
      for (TicketState state : filter.states()) {
        any.add(
            switch (state) {
              case BREACHED -> BREACHED;
              case AT_RISK -> AT_RISK;
              case RUNNING -> RUNNING;
              case PAUSED -> "t.status = 'PAUSED'";
              case MET -> "t.status = 'MET'";
            });
        needsNow |=
            state == TicketState.BREACHED
                || state == TicketState.AT_RISK
                || state == TicketState.RUNNING;
      }
      conditions.add(any.toString());
    }
    if (filter.customerId() != null) {
      conditions.add("t.customer_id = :customerId");
    }
    if (filter.planId() != null) {
      conditions.add("t.plan_id = :planId");
    }
    if (filter.priority() != null) {
      conditions.add("t.priority = :priority");
    }
    if (filter.dueBefore() != null) {
      conditions.add("t.deadline < :dueBefore");
    }
    if (filter.dueAfter() != null) {
      conditions.add("t.deadline >= :dueAfter");
    }
    if (after != null) {
      conditions.add(
          after.deadline() == null
              ? "(t.deadline is null and t.ticket_id > :afterTicket)"
              : "(t.deadline > :afterDeadline or (t.deadline = :afterDeadline and t.ticket_id > :afterTicket)"
                  + " or t.deadline is null)");
    }
    conditions.forEach(c -> sql.append(" and ").append(c));
    sql.append(" order by t.deadline asc nulls last, t.ticket_id asc limit :limit");
    boolean bindNow = needsNow;
    return sessions
        .withSession(
            session -> {
              var query = session.createNativeQuery(sql.toString(), Object[].class);
              if (filter.metric() != null) {
                query.setParameter("metric", filter.metric().name());
              }
              if (bindNow) {
                query.setParameter("now", now.atOffset(ZoneOffset.UTC));
              }
              if (filter.customerId() != null) {
                query.setParameter("customerId", filter.customerId());
              }
              if (filter.planId() != null) {
                query.setParameter("planId", filter.planId());
              }
              if (filter.priority() != null) {
                query.setParameter("priority", filter.priority());
              }
              if (filter.dueBefore() != null) {
                query.setParameter("dueBefore", filter.dueBefore().atOffset(ZoneOffset.UTC));
              }
              if (filter.dueAfter() != null) {
                query.setParameter("dueAfter", filter.dueAfter().atOffset(ZoneOffset.UTC));
              }
              if (after != null) {
                query.setParameter("afterTicket", after.ticketId());
                if (after.deadline() != null) {
                  query.setParameter("afterDeadline", after.deadline().atOffset(ZoneOffset.UTC));
                }
              }
              query.setParameter("limit", limit);
              return query.getResultList();
            })
        .map(rows -> rows.stream().map(row -> entry(row, now)).toList());
  }

  private static Entry entry(Object[] row, Instant now) {
    ClockStatus status = ClockStatus.valueOf((String) row[6]);
    Instant deadline = SqlTimestamps.instant(row[7]);
    Instant runningDeadline = SqlTimestamps.instant(row[8]);
    Instant atRiskFrom = SqlTimestamps.instant(row[9]);
    return new Entry(
        (String) row[0],
        (String) row[1],
        (String) row[2],
        ((Number) row[3]).intValue(),
        (String) row[4],
        row[5] == null ? null : Metric.valueOf((String) row[5]),
        TicketState.of(status, runningDeadline, atRiskFrom, now),
        deadline,
        status == ClockStatus.RUNNING ? atRiskFrom : null);
  }
}
