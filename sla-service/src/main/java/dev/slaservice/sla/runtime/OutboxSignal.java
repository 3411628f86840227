package dev.slaservice.sla.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Tells this instance's outbox relay that records were committed, so that it publishes them at once
 * rather than at its next poll: a breach's latency should not include the relay's interval. The
 * poll remains for records other instances commit.
 */
@ApplicationScoped
public class OutboxSignal {

  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  public void onCommitted(Runnable listener) {
    listeners.add(listener);
  }

  /** Call after the transaction that wrote {@code records} outbox records committed. */
  public void committed(int records) {
    if (records > 0) {
      listeners.forEach(Runnable::run);
    }
  }
}
