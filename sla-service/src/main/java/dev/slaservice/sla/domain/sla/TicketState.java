package dev.slaservice.sla.domain.sla;

import java.time.Instant;
import java.util.List;

/**
 * Where a ticket (or one of its clocks) stands for ops at an instant, worst first. A running clock
 * whose deadline has passed reads BREACHED even before the timer has re-folded it, and one past its
 * first warning share reads AT_RISK, so the state is exact to the instant asked about.
 */
public enum TicketState {
  BREACHED,
  AT_RISK,
  RUNNING,
  PAUSED,
  MET;

  /** The state of one clock at {@code now}. */
  public static TicketState of(ClockReading clock, Instant now) {
    return of(
        clock.status(),
        clock.status() == ClockStatus.RUNNING ? clock.deadline() : null,
        clock.atRiskFrom(),
        now);
  }

  /**
   * The state at {@code now} of a clock (or the worst of a ticket's clocks) last read as {@code
   * status}; for a running one, {@code runningDeadline} and {@code atRiskFrom} are its (earliest)
   * deadline and at-risk instant. The ticket list applies the same rule in SQL.
   */
  public static TicketState of(
      ClockStatus status, Instant runningDeadline, Instant atRiskFrom, Instant now) {
    return switch (status) {
      case BREACHED -> BREACHED;
      case PAUSED -> PAUSED;
      case MET -> MET;
      case RUNNING -> {
        if (runningDeadline != null && !runningDeadline.isAfter(now)) {
          yield BREACHED;
        }
        yield atRiskFrom != null && !atRiskFrom.isAfter(now) ? AT_RISK : RUNNING;
      }
    };
  }

  /** The worst state among the clocks; MET for a ticket without clocks. */
  public static TicketState of(List<ClockReading> clocks, Instant now) {
    TicketState worst = MET;
    for (ClockReading clock : clocks) {
      TicketState state = of(clock, now);
      if (state.ordinal() < worst.ordinal()) {
        worst = state;
      }
    }
    return worst;
  }
}
