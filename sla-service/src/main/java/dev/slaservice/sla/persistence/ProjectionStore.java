package dev.slaservice.sla.persistence;

import dev.slaservice.sla.domain.sla.ClockReading;
import dev.slaservice.sla.domain.sla.ClockStatus;
import dev.slaservice.sla.domain.sla.SlaFact;
import dev.slaservice.sla.domain.sla.TicketFold;
import dev.slaservice.sla.domain.sla.TicketSla;
import dev.slaservice.sla.persistence.ColumnArrays.Type;
import io.smallrye.mutiny.Uni;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
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

/** The per-ticket SLA projection: what each ticket's clocks read and which facts were published. */
@ApplicationScoped
public class ProjectionStore {

  private static final ColumnArrays.Shape PROJECTION =
      ColumnArrays.Shape.of(
          MetricOutcomeColumns.after(
              Type.TEXT.of("ticket_id"),
              Type.BOOLEAN.of("opened"),
              Type.TEXT.of("customer_id"),
              Type.TEXT.of("plan_id"),
              Type.INTEGER.of("plan_version"),
              Type.TEXT.of("priority"),
              Type.TIMESTAMPTZ.of("opened_at"),
              Type.TEXT.of("status"),
              Type.TIMESTAMPTZ.of("next_deadline"),
              Type.JSONB.of("clocks"),
              Type.JSONB.of("published"),
              Type.INTEGER.of("event_count"),
              Type.TIMESTAMPTZ.of("updated_at"),
              Type.TEXT.of("excluded_reason"),
              Type.TIMESTAMPTZ.of("at_risk_from"),
              Type.TIMESTAMPTZ.of("due_at"),
              Type.BOOLEAN.of("breached"),
              Type.TEXT.of("fold")));

  private static final String UPSERT = PROJECTION.insertInto("ticket_projection");
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
  public Uni<Map<String, Kept>> lockKept(Sql sql, Collection<String> ticketIds) {
    return sql.query(
            """
                select ticket_id, cast(published as text), fold, event_count from ticket_projection
                where ticket_id = any($1) order by ticket_id for update""",
            Tuple.of(Sql.texts(ticketIds)))
        .map(
            rows -> {
              Map<String, Kept> kept = new HashMap<>();
              for (io.vertx.sqlclient.Row row : rows) {
                kept.put(
                    row.getString(0),
                    new Kept(
                        ProjectionJson.readFacts(row.getString(1)),
                        FoldJson.read(row.getString(2)),
                        row.getInteger(3)));
              }
              return kept;
            });
  }

  /**
   * Only an opened ticket has a customer; saying so lets the read use the customers' partial index
   * ticket_projection_customer_breached_idx (V11).
   */
  static final String TICKETS_OF =
      "select ticket_id from ticket_projection where customer_id = any($1) and opened";

  /** The tickets of these customers. */
  public Uni<List<String>> ticketsOf(Sql sql, Collection<String> customerIds) {
    if (customerIds.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    return sql.list(TICKETS_OF, Tuple.of(Sql.texts(customerIds)), row -> row.getString(0));
  }

  /**
   * Up to {@code limit} ids of tickets opened in {@code [from, to)}, after {@code after} in id
   * order, of the customer and plan when given (null: any).
   */
  public Uni<List<String>> openedBetween(
      Sql sql,
      Instant from,
      Instant to,
      String customerId,
      String planId,
      String after,
      int limit) {
    Tuple arguments = Tuple.of(Sql.at(from), Sql.at(to), after == null ? "" : after, limit);
    StringBuilder statement =
        new StringBuilder(
            """
            select ticket_id from ticket_projection where opened and opened_at >= $1
            and opened_at < $2 and ticket_id > $3""");
    if (customerId != null) {
      statement.append(" and customer_id = $").append(arguments.size() + 1);
      arguments.addValue(customerId);
    }
    if (planId != null) {
      statement.append(" and plan_id = $").append(arguments.size() + 1);
      arguments.addValue(planId);
    }
    statement.append(" order by ticket_id limit $4");
    return sql.list(statement.toString(), arguments, row -> row.getString(0));
  }

  /** Writes the rows in one statement; a ticket appears at most once among them. */
  public Uni<Void> upsert(Sql sql, List<Row> rows) {
    return sql.write(UPSERT + ON_CONFLICT, columnsOf(rows)).replaceWithVoid();
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
  public Uni<Void> insert(Sql sql, Prepared rows) {
    return sql.write(UPSERT, rows.columns).replaceWithVoid();
  }

  private static ColumnArrays columnsOf(List<Row> rows) {
    ColumnArrays columns = PROJECTION.rows(rows.size());
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
