package dev.slaservice.sla.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The service's clock in tests: wall time, shifted by {@value #SHIFT_PROPERTY} (an ISO-8601
 * duration such as {@code P365D}, to run the suite as if on a later date), plus an offset the test
 * moves. A test that posts events at fixed instants sets the clock with {@link #runFrom}, so that
 * what it asserts does not depend on the date it runs.
 */
@Alternative
@Priority(1)
@Singleton
public class MovableClock extends Clock {

  public static final String SHIFT_PROPERTY = "test.clock-shift";

  private final Clock wall;

  private final Duration shift;

  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

  private final AtomicReference<Instant> frozenAt = new AtomicReference<>();

  public MovableClock() {
    this(Clock.systemUTC(), shiftFromSystemProperty());
  }

  MovableClock(Clock wall, Duration shift) {
    this.wall = wall;
    this.shift = shift;
  }

  /** The shift that {@value #SHIFT_PROPERTY} asks for; none when it is not set. */
  public static Duration shiftFromSystemProperty() {
    String value = System.getProperty(SHIFT_PROPERTY, "").strip();
    return value.isEmpty() ? Duration.ZERO : Duration.parse(value);
  }

  @Override
  public Instant instant() {
    Instant frozen = frozenAt.get();
    return frozen != null ? frozen : running();
  }

  /** The same as {@link #instant()}, as tests read it. */
  public Instant now() {
    return instant();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /** This clock seen from another zone: the same instants, moved and frozen with it. */
  @Override
  public Clock withZone(ZoneId zone) {
    MovableClock moved = this;
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return zone;
      }

      @Override
      public Clock withZone(ZoneId other) {
        return moved.withZone(other);
      }

      @Override
      public Instant instant() {
        return moved.instant();
      }
    };
  }

  private Instant running() {
    return wall.instant().plus(shift).plus(offset.get());
  }

  /** Stops time at the current instant (to the second) until {@link #unfreeze()}. */
  public Instant freeze() {
    Instant at = running().truncatedTo(ChronoUnit.SECONDS);
    frozenAt.set(at);
    return at;
  }

  /** Stops time at a fixed instant until {@link #unfreeze()}. */
  public void freezeAt(Instant at) {
    frozenAt.set(at);
  }

  /** Time runs again from where it would have been. */
  public void unfreeze() {
    frozenAt.set(null);
  }

  public void advance(Duration by) {
    offset.updateAndGet(current -> current.plus(by));
  }

  /** From now on the clock reads {@code instant}, and runs on from there as time passes. */
  public void runFrom(Instant instant) {
    frozenAt.set(null);
    offset.set(Duration.between(wall.instant().plus(shift), instant));
  }

  /** Back to wall time with the configured shift: no offset, not frozen. */
  public void reset() {
    frozenAt.set(null);
    offset.set(Duration.ZERO);
  }
}
