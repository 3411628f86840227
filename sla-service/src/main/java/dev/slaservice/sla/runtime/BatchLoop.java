package dev.slaservice.sla.runtime;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs batches one after another while each comes back full: the outbox relay, the timer and
 * compensation drains and the rebuild work through a backlog this way.
 *
 * <p>A loop, not a batch that chains the next one from its own continuation: such a chain keeps
 * every finished batch reachable until the last one ends, so working through a large backlog would
 * hold all of its records at once and can run the service out of heap (docs/adr/0006).
 */
public final class BatchLoop {

  private BatchLoop() {}

  /**
   * Runs {@code batch} (which says how many items it handled) again as long as it handled {@code
   * fullBatch} items and {@code goOn} holds.
   *
   * @return how many items all the batches handled
   */
  public static Uni<Integer> whileFull(
      Supplier<Uni<Integer>> batch, int fullBatch, BooleanSupplier goOn) {
    return Multi.createBy()
        .repeating()
        .<Integer>uni(batch::get)
        .whilst(handled -> handled >= fullBatch && goOn.getAsBoolean())
        .collect()
        .with(Collectors.summingInt(Integer::intValue));
  }

  /** {@link #whileFull(Supplier, int, BooleanSupplier)} until a batch is short. */
  public static Uni<Integer> whileFull(Supplier<Uni<Integer>> batch, int fullBatch) {
    return whileFull(batch, fullBatch, () -> true);
  }
}
