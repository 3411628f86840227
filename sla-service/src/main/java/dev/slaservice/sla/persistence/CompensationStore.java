package dev.slaservice.sla.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.slaservice.events.CustomerEvent;
import dev.slaservice.events.EventJson;
import dev.slaservice.events.EventType;
import dev.slaservice.events.ExclusionReason;
import dev.slaservice.sla.domain.compensation.Claim;
import dev.slaservice.sla.domain.compensation.CompensationProjector;
import dev.slaservice.sla.domain.compensation.CustomerTicket;
import dev.slaservice.sla.domain.compensation.UnbreachedTickets;
import dev.slaservice.sla.domain.sla.SlaFact;
import dev.slaservice.sla.persistence.ColumnArrays.Type;
import io.smallrye.mutiny.Uni;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What compensation reads (a customer's tickets and claims) and what it tells billing per month.
 */
@ApplicationScoped
public class CompensationStore {

  /**
   * Breaches are all compensation reads of a ticket's facts; other tickets' facts are not parsed,
   * nor tested: the projection keeps whether a ticket has a published breach (Flyway V9).
   */
  private static final String HAS_BREACH = "breached";

  /** A ticket's breach facts alone, as text: warnings and met facts are not sent or parsed. */
  private static final String BREACHES =
      "(select cast(jsonb_agg(f) as text) from jsonb_array_elements(published) f"
          + " where f ->> 'kind' = 'BREACH')";

  /** The customers whose locks a writer takes. */
  private static final ColumnArrays.Shape CUSTOMER = ColumnArrays.Shape.of(Type.TEXT.of("c"));

  /** What was published for one customer-month. */
  private static final ColumnArrays.Shape MONTH =
      ColumnArrays.Shape.of(
          Type.TEXT.of("customer_id"),
          Type.TEXT.of("month"),
          Type.JSONB.of("published"),
          Type.TIMESTAMPTZ.of("updated_at"));

  /** What was published for one customer-month, to be saved. */
  public record Saved(
      String customerId, YearMonth month, CompensationProjector.Published published) {}

  /**
   * Serialises compensation work per customer across transactions and instances: every writer takes
   * the customers' locks in one statement, in the order of their lock keys, so two writers cannot
   * deadlock. The table comes first: a rebuild from scratch holds it while it takes customer locks,
   * so a writer must wait for the table before it holds any customer.
   */
  public Uni<Void> lockCustomers(Sql sql, Collection<String> customerIds) {
    if (customerIds.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    ColumnArrays ids = CUSTOMER.rows(customerIds.size());
    customerIds.forEach(ids::add);
    return lockTable(sql)
        .chain(
            () ->
                sql.write(
                    """
                            select count(*) from (select pg_advisory_xact_lock(k) from
                            (select distinct\s"""
                        + lockKey("c")
                        + " k from "
                        + CUSTOMER.unnest()
                        + " order by k) keys) locked",
                    ids))
        .replaceWithVoid();
  }

  /** The compensation table's lock, which every compensation writer takes before any customer's. */
  Uni<Void> lockTable(Sql sql) {
    return sql.query("lock table compensation_month in row exclusive mode").replaceWithVoid();
  }

  /** The advisory lock key of the customer that {@code customerId} (an SQL expression) names. */
  static String lockKey(String customerId) {
    return "hashtext('compensation:' || " + customerId + ")";
  }

  /**
   * The customers' opened tickets that have a breach or an exclusion, by customer: the others are
   * only counted ({@link #unbreached}).
   */
  public Uni<Map<String, List<CustomerTicket>>> tickets(Sql sql, Collection<String> customerIds) {
    return byCustomer(
        sql,
        "select customer_id, ticket_id, opened_at, excluded_reason, case when "
            + HAS_BREACH
            + " then "
            + BREACHES
            + " end from ticket_projection where customer_id = any($1)"
            + " and opened and ("
            + HAS_BREACH
            + " or excluded_reason is not null) order by customer_id, ticket_id",
        customerIds,
        row -> {
          String facts = row.getString(4);
          List<SlaFact.Breach> breaches =
              facts == null
                  ? List.of()
                  : ProjectionJson.readFacts(facts).stream()
                      .filter(SlaFact.Breach.class::isInstance)
                      .map(SlaFact.Breach.class::cast)
                      .toList();
          return new CustomerTicket(
              row.getString(1),
              Sql.instant(row, 2),
              breaches,
              Optional.ofNullable(row.getString(3)).map(ExclusionReason::valueOf));
        });
  }

  /**
   * How many of the customers' opened tickets have neither a breach nor an exclusion, by customer
   * and quarter-hour of opening, counted by the database.
   */
  public Uni<Map<String, List<UnbreachedTickets>>> unbreached(
      Sql sql, Collection<String> customerIds) {
    return byCustomer(
        sql,
        """
            select customer_id, date_bin(cast('15 minutes' as interval), opened_at,
            cast('2000-01-01T00:00:00Z' as timestamptz)) quarter, count(*) from ticket_projection
            where customer_id = any($1) and opened and excluded_reason is null and not\s"""
            + HAS_BREACH
            + " group by customer_id, quarter order by customer_id, quarter",
        customerIds,
        row -> new UnbreachedTickets(Sql.instant(row, 1), row.getLong(2)));
  }

  /**
   * The rows of {@code statement} for the customers bound as {@code $1}, each mapped, by customer
   * (the first column), each customer's in the rows' order.
   */
  private static <T> Uni<Map<String, List<T>>> byCustomer(
      Sql sql, String statement, Collection<String> customerIds, Function<Row, T> mapping) {
    return sql.query(statement, Tuple.of(Sql.texts(customerIds)))
        .map(
            rows -> {
              Map<String, List<T>> byCustomer = new HashMap<>();
              for (Row row : rows) {
                byCustomer
                    .computeIfAbsent(row.getString(0), c -> new ArrayList<>())
                    .add(mapping.apply(row));
              }
              return byCustomer;
            });
  }

  /** The customers' compensation claims, by customer, in the order they were stored. */
  public Uni<Map<String, List<Claim>>> claims(Sql sql, Collection<String> customerIds) {
    return EventStore.customerEvents(
        sql,
        customerIds,
        EventType.COMPENSATION_CLAIMED,
        CustomerEvent.CompensationClaimed.class,
        claimed -> new Claim(claimed.month(), claimed.occurredAt().toInstant()));
  }

  /** Locks and returns what was published for each month of each customer. */
  public Uni<Map<String, Map<YearMonth, CompensationProjector.Published>>> published(
      Sql sql, Collection<String> customerIds) {
    return sql.query(
            """
                select customer_id, month, cast(published as text) from compensation_month
                where customer_id = any($1) order by customer_id, month for update""",
            Tuple.of(Sql.texts(customerIds)))
        .map(
            rows -> {
              Map<String, Map<YearMonth, CompensationProjector.Published>> published =
                  new HashMap<>();
              for (Row row : rows) {
                published
                    .computeIfAbsent(row.getString(0), c -> new HashMap<>())
                    .put(YearMonth.parse(row.getString(1)), read(row.getString(2)));
              }
              return published;
            });
  }

  public Uni<Void> save(Sql sql, List<Saved> months, Instant now) {
    ColumnArrays rows = MONTH.rows(months.size());
    months.forEach(
        saved ->
            rows.add(saved.customerId(), saved.month().toString(), write(saved.published()), now));
    return sql.write(SAVE, rows).replaceWithVoid();
  }

  private static final String SAVE =
      MONTH.insertInto("compensation_month")
          + " on conflict (customer_id, month) do update"
          + " set published = excluded.published, updated_at = excluded.updated_at";

  private static CompensationProjector.Published read(String json) {
    try {
      return EventJson.mapper().readValue(json, CompensationProjector.Published.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "unreadable compensation state: " + e.getOriginalMessage(), e);
    }
  }

  private static String write(CompensationProjector.Published published) {
    try {
      return EventJson.mapper().writeValueAsString(published);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
