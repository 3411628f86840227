package dev.slaservice.sla.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BackgroundTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void aTaskStartedFromAnotherTaskRunsOnAContextOfItsOwn() throws Exception {
    CompletableFuture<Context> outer = new CompletableFuture<>();
    CompletableFuture<Context> inner = new CompletableFuture<>();
    CompletableFuture<Object> seenByInner = new CompletableFuture<>();
    Background.run(
        vertx,
        () -> {
          Context context = Vertx.currentContext();
          // where Hibernate Reactive keeps the session of the task in progress
          context.putLocal("session", "the outer task's session");
          outer.complete(context);
          Background.run(
              vertx,
              () -> {
                inner.complete(Vertx.currentContext());
                seenByInner.complete(
                    String.valueOf(Vertx.currentContext().<Object>getLocal("session")));
                return Uni.createFrom().voidItem();
              },
              ignored -> {},
              inner::completeExceptionally);
          return Uni.createFrom().voidItem();
        },
        ignored -> {},
        outer::completeExceptionally);

    Context outerContext = outer.get(10, TimeUnit.SECONDS);
    Context innerContext = inner.get(10, TimeUnit.SECONDS);
    assertThat(VertxContext.isDuplicatedContext(innerContext)).isTrue();
    assertThat(innerContext).isNotSameAs(outerContext);
    assertThat(seenByInner.get(10, TimeUnit.SECONDS)).isEqualTo("null");
  }
}
