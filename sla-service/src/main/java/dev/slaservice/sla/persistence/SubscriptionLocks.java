package dev.slaservice.sla.persistence;

import dev.slaservice.sla.persistence.ColumnArrays.Type;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.TreeMap;

/**
 * Orders a customer's subscription changes against the tickets opened for it in concurrent
 * transactions (other consumers of this or another instance). Without it each could miss the other:
 * the subscription change re-folds the customer's tickets it can see, which leaves out a ticket
 * being opened meanwhile, and the opening reads the subscriptions committed before the change. A
 * change takes its customer's lock exclusively, an opening shares it, both before any row lock and
 * in customer order, so one of the two always sees the other.
 */
@ApplicationScoped
public class SubscriptionLocks {

  /**
   * Names these locks among the database's advisory locks. Two-key locks never meet the one-key
   * locks of compensation and the relay, whatever their keys.
   */
  static final int LOCK_CLASS = 0x53554253;

  /** A customer to lock, and whether exclusively. */
  private static final ColumnArrays.Shape CUSTOMER =
      ColumnArrays.Shape.of(Type.TEXT.of("customer_id"), Type.BOOLEAN.of("exclusive"));

  static final String LOCK =
      """
          select count(*) from (select case when exclusive
          then pg_advisory_xact_lock("""
          + LOCK_CLASS
          + ", hashtext(customer_id))"
          + " else pg_advisory_xact_lock_shared("
          + LOCK_CLASS
          + ", hashtext(customer_id)) end"
          + " from (select customer_id, exclusive from "
          + CUSTOMER.unnest()
          + " order by customer_id) ordered) locked";

  /**
   * Locks {@code changing} exclusively and {@code opening} shared, in one statement, in customer
   * order.
   */
  public Uni<Void> lock(Sql sql, Set<String> changing, Set<String> opening) {
    TreeMap<String, Boolean> exclusive = new TreeMap<>();
    opening.forEach(customer -> exclusive.put(customer, false));
    changing.forEach(customer -> exclusive.put(customer, true));
    if (exclusive.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    ColumnArrays rows = CUSTOMER.rows(exclusive.size());
    exclusive.forEach(rows::add);
    return sql.write(LOCK, rows).replaceWithVoid();
  }
}
