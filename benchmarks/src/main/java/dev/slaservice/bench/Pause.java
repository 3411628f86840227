package dev.slaservice.bench;

import java.time.Duration;

/**
 * The benchmark's only waiting primitive: it polls the stack for conditions, it never waits for a
 * deadline.
 */
final class Pause {

  private Pause() {}

  static void briefly(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
