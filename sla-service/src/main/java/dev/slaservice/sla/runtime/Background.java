package dev.slaservice.sla.runtime;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs a reactive task outside any request, on its own safe Vert.x sub-context (what Hibernate
 * Reactive needs).
 */
public final class Background {

  private Background() {}

  public static <T> void run(
      Vertx vertx, Supplier<Uni<T>> task, Consumer<T> done, Consumer<Throwable> failed) {
    // always a new context: called from another task's context, reusing it would hand this task
    // that task's Hibernate Reactive session (kept in the context), so both would share a
    // transaction
    Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
    VertxContextSafetyToggle.setContextSafe(context, true);
    context.runOnContext(ignored -> task.get().subscribe().with(done, failed));
  }

  /**
   * Computes on a worker thread and goes on on the calling Vert.x context, where its Hibernate
   * Reactive session lives: the event loop keeps serving the session's queries meanwhile.
   */
  public static <T> Uni<T> compute(Supplier<T> work) {
    Context caller = Vertx.currentContext();
    return Uni.createFrom()
        .item(work)
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
        .emitOn(task -> caller.runOnContext(ignored -> task.run()));
  }
}
