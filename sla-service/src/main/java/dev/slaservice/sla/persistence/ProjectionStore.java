package dev.slaservice.sla.persistence;

import dev.slaservice.sla.domain.sla.ClockReading;
import dev.slaservice.sla.domain.sla.ClockStatus;
import dev.slaservice.sla.domain.sla.SlaFact;
import dev.slaservice.sla.domain.sla.TicketFold;
import dev.slaservice.sla.domain.sla.TicketSla;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.hibernate.reactive.mutiny.Mutiny;

/** The per-ticket SLA projection: what each ticket's clocks read and which facts were published. */
@ApplicationScoped
public class ProjectionStore {

  private static final String UPSERT =
      """
          insert into ticket_projection (ticket_id, opened, customer_id, plan_id,
          plan_version, priority, opened_at, status, next_deadline, clocks, published, event_count, updated_at,
          excluded_reason, at_risk_from, due_at, breached, fold,\s"""
          + MetricOutcomeColumns.NAMES
          + ")"
          + " select ticket_id, cast(opened as boolean), customer_id, plan_id, cast(plan_version as integer), priority,"
          + " cast(opened_at as timestamptz), status, cast(next_deadline as timestamptz), cast(clocks as jsonb),"
          + " cast(published as jsonb), cast(event_count as integer), cast(updated_at as timestamptz), excluded_reason,"
          + " cast(at_risk_from as timestamptz), cast(due_at as timestamptz), cast(breached as boolean), fold, "
          + MetricOutcomeColumns.CASTS
          + " from "
          + ColumnArrays.unnest(
              MetricOutcomeColumns.withNames(
                  "ticket_id",
                  "opened",
                  "customer_id",
                  "plan_id",
                  "plan_version",
                  "priority",
                  "opened_at",
                  "status",
                  "next_deadline",
                  "clocks",
                  "published",
                  "event_count",
                  "updated_at",
                  "excluded_reason",
                  "at_risk_from",
                  "due_at",
                  "breached",
                  "fold"));
  private static final String ON_CONFLICT =
      " on conflict (ticket_id) do update set opened = excluded.opened,"
          + " customer_id = excluded.customer_id, plan_id = excluded.plan_id, plan_version = excluded.plan_version,"
          + " priority = excluded.priority, opened_at = excluded.opened_at, status = excluded.status,"
          + " next_deadline = excluded.next_deadline, clocks = excluded.clocks, published = excluded.published,"
          + " event_count = excluded.event_count, updated_at = excluded.updated_at,"
          + " excluded_reason = excluded.excluded_reason, at_risk_from = excluded.at_risk_from, due_at"
          + " = excluded.due_at,"
          + " breached = excluded.breached, fold = excluded.fold, "
          + MetricOutcomeColumns.UPDATES;

  /**
   * A ticket's new projection row.
   *
   * @param fold what the ticket's events established, null while it is not opened
   */
  public record Row(
      TicketSla sla, TicketFold fold, List<SlaFact> published, int eventCount, Instant updatedAt) {}

  /**
   * What a ticket's projection row keeps for its next change.
   *
   * @param fold empty when the row has none the service can read: the history is then folded in
   *     full
   */
  public record Kept(List<SlaFact> published, Optional<TicketFold> fold, int eventCount) {}

  /**
   * Locks the tickets' rows (in id order, so two writers cannot deadlock) and returns what each
   * keeps; tickets without a row yet are absent.
   */
  public Uni<Map<String, Kept>> lockKept(Mutiny.Session session, Collection<String> ticketIds) {
    return session
        .createNativeQuery(
            """
                select ticket_id, cast(published as text), fold, event_count from ticket_projection
                where ticket_id in (:ids) order by ticket_id for update""",
            Object[].class)
        .setParameter("ids", ticketIds)
        .getResultList()
        .map(
            rows -> {
              Map<String, Kept> kept = new HashMap<>();
              for (Object[] row : rows) {
                kept.put(
                    (String) row[0],
                    new Kept(
                        ProjectionJson.readFacts((String) row[1]),
                        FoldJson.read((String) row[2]),
                        ((Number) row[3]).intValue()));
              }
              return kept;
            });
  }

  /**
   * Only an opened ticket has a customer; saying so lets the read use the customers' partial index
   * ticket_projection_customer_breached_idx (V11).
   */
  static final String TICKETS_OF =
      "select ticket_id from ticket_projection where customer_id in (:ids) and opened";

  /** The tickets of these customers. */
  public Uni<List<String>> ticketsOf(Mutiny.Session session, Collection<String> customerIds) {
    if (customerIds.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    return session
        .createNativeQuery(TICKETS_OF, String.class)
        .setParameter("ids", customerIds)
        .getResultList();
  }

  /**
   * Up to {@code limit} ids of tickets opened in {@code [from, to)}, after {@code after} in id
   * order, of the customer and plan when given (null: any).
   */
  public Uni<List<String>> openedBetween(
      Mutiny.Session session,
      Instant from,
      Instant to,
      String customerId,
      String planId,
      String after,
      int limit) {
    String sql =
        """
            select ticket_id from ticket_projection where opened and opened_at >= :from
            and opened_at < :to and ticket_id > :after"""
            + (customerId == null ? "" : " and customer_id = :customerId")
            + (planId == null ? "" : " and plan_id = :planId")
            + " order by ticket_id limit :limit";
    var query =
        session
            .createNativeQuery(sql, String.class)
            .setParameter("from", from.atOffset(ZoneOffset.UTC))
            .setParameter("to", to.atOffset(ZoneOffset.UTC))
            .setParameter("after", after == null ? "" : after)
            .setParameter("limit", limit);
    if (customerId != null) {
      query.setParameter("customerId", customerId);
    }
    if (planId != null) {
      query.setParameter("planId", planId);
    }
    return query.getResultList();
  }

  /** Writes the rows in one statement; a ticket appears at most once among them. */
  public Uni<Void> upsert(Mutiny.Session session, List<Row> rows) {
    return columnsOf(rows).write(session, UPSERT + ON_CONFLICT);
  }

  /**
   * Rows turned into their columns' values, which a rebuild does off the writing connection's way.
   */
  public static final class Prepared {
    private final ColumnArrays columns;

    private Prepared(ColumnArrays columns) {
      this.columns = columns;
    }
  }

  public static Prepared prepare(List<Row> rows) {
    return new Prepared(columnsOf(rows));
  }

  /** Inserts rows of tickets that have none: a rebuild's, into the emptied table it holds. */
  public Uni<Void> insert(Mutiny.Session session, Prepared rows) {
    return rows.columns.write(session, UPSERT);
  }

  private static ColumnArrays columnsOf(List<Row> rows) {
    ColumnArrays columns = new ColumnArrays(18 + MetricOutcomeColumns.COUNT, rows.size());
    for (Row row : rows) {
      TicketSla sla = row.sla();
      columns.add(
          MetricOutcomeColumns.withValues(
              sla,
              row.published(),
              sla.ticketId(),
              sla.opened(),
              sla.customerId(),
              sla.planId(),
              sla.opened() ? sla.planVersion() : null,
              sla.priority(),
              sla.openedAt(),
              sla.opened() ? overallStatus(sla.clocks()).name() : null,
              nextDeadline(sla.clocks()),
              ProjectionJson.writeClocks(sla.clocks()),
              ProjectionJson.writeFacts(row.published()),
              row.eventCount(),
              row.updatedAt(),
              sla.exclusion().map(Enum::name).orElse(null),
              earliest(sla.clocks(), EnumSet.of(ClockStatus.RUNNING), ClockReading::atRiskFrom),
              earliest(
                  sla.clocks(),
                  EnumSet.of(ClockStatus.RUNNING, ClockStatus.BREACHED),
                  ClockReading::deadline),
              row.published().stream().anyMatch(SlaFact.Breach.class::isInstance),
              row.fold() == null ? null : FoldJson.write(row.fold())));
    }
    return columns;
  }

  /** The worst state among the clocks: breached over running over paused over met. */
  static ClockStatus overallStatus(List<ClockReading> clocks) {
    List<ClockStatus> order =
        List.of(ClockStatus.BREACHED, ClockStatus.RUNNING, ClockStatus.PAUSED);
    for (ClockStatus status : order) {
      if (clocks.stream().anyMatch(c -> c.status() == status)) {
        return status;
      }
    }
    return ClockStatus.MET;
  }

  private static Instant nextDeadline(List<ClockReading> clocks) {
    return earliest(clocks, EnumSet.of(ClockStatus.RUNNING), ClockReading::deadline);
  }

  /** The earliest instant {@code of} gives among the clocks in {@code statuses}, or null. */
  private static Instant earliest(
      List<ClockReading> clocks, Set<ClockStatus> statuses, Function<ClockReading, Instant> of) {
    return clocks.stream()
        .filter(c -> statuses.contains(c.status()))
        .map(of)
        .filter(Objects::nonNull)
        .min(Comparator.naturalOrder())
        .orElse(null);
  }
}
