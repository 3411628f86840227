package dev.slaservice.sla.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MovableClockTest {

  private static final Instant WALL = Instant.parse("2026-12-03T08:00:00.250Z");

  /** A wall clock the test moves by hand. */
  private static final class Wall extends Clock {
    private Instant now = WALL;

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final Wall wall = new Wall();

  @Nested
  class GivenAShiftOfAYear {

    private final MovableClock clock = new MovableClock(wall, Duration.parse("P365D"));

    @Test
    void thenNowIsAYearAfterWallTime() {
      assertThat(clock.now()).isEqualTo(WALL.plus(Duration.ofDays(365)));
    }

    @Test
    void whenTheClockIsSetThenItReadsThatInstantAndRunsOnWithWallTime() {
      Instant friday = Instant.parse("2026-11-20T04:00:00Z");
      clock.runFrom(friday);
      assertThat(clock.now()).isEqualTo(friday);
      wall.now = WALL.plusSeconds(3);
      assertThat(clock.now()).isEqualTo(friday.plusSeconds(3));
    }

    @Test
    void whenResetThenTheShiftStaysAndTheOffsetGoes() {
      clock.advance(Duration.ofMinutes(11));
      clock.runFrom(Instant.parse("2026-11-20T04:00:00Z"));
      clock.reset();
      assertThat(clock.now()).isEqualTo(WALL.plus(Duration.ofDays(365)));
    }

    @Test
    void whenFrozenThenTimeStandsStillToTheSecondUntilUnfrozen() {
      Instant frozen = clock.freeze();
      assertThat(frozen).isEqualTo(WALL.plus(Duration.ofDays(365)).minusMillis(250));
      wall.now = WALL.plusSeconds(5);
      assertThat(clock.now()).isEqualTo(frozen);
      clock.unfreeze();
      assertThat(clock.now()).isEqualTo(WALL.plusSeconds(5).plus(Duration.ofDays(365)));
    }
  }

  @Test
  void withoutTheSystemPropertyThereIsNoShift() {
    String before = System.clearProperty(MovableClock.SHIFT_PROPERTY);
    try {
      assertThat(MovableClock.shiftFromSystemProperty()).isZero();
      System.setProperty(MovableClock.SHIFT_PROPERTY, "P1826D");
      assertThat(MovableClock.shiftFromSystemProperty()).isEqualTo(Duration.ofDays(1826));
    } finally {
      if (before == null) {
        System.clearProperty(MovableClock.SHIFT_PROPERTY);
      } else {
        System.setProperty(MovableClock.SHIFT_PROPERTY, before);
      }
    }
  }
}
