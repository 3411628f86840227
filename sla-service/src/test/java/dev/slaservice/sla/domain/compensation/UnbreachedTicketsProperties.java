package dev.slaservice.sla.domain.compensation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slaservice.events.ExclusionReason;
import dev.slaservice.events.Metric;
import dev.slaservice.sla.domain.policy.Subscription;
import dev.slaservice.sla.domain.sla.SlaFact;
import dev.slaservice.sla.domain.sla.TestCatalog;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The books may carry unbreached, unexcluded tickets as counts per quarter-hour instead of one by
 * one: every statement and every month with activity must come out exactly the same.
 */
class UnbreachedTicketsProperties {

  /** Offsets of a half and three quarters of an hour, and DST changes, around month ends. */
  private static final List<String> ZONES =
      List.of(
          "UTC",
          "Asia/Kathmandu",
          "America/St_Johns",
          "Australia/Lord_Howe",
          "Pacific/Chatham",
          "Europe/Berlin",
          "Asia/Shanghai");

  private static final List<String> PLANS = List.of("websoft9-standard", "tiered", "emq-5x8");

  /** Around the end of October and of November 2026, in every zone above. */
  private static final Instant FROM = Instant.parse("2026-10-30T00:00:00Z");

  private static final long SPAN_SECONDS = Duration.ofDays(34).toSeconds();

  private final CompensationLedger ledger =
      new CompensationLedger(new TestCatalog(List.of(TieredPlan.tiered())));

  @Provide
  Arbitrary<List<CustomerTicket>> tickets() {
    Arbitrary<Instant> opened = Arbitraries.longs().between(0, SPAN_SECONDS).map(FROM::plusSeconds);
    Arbitrary<Integer> kind = Arbitraries.integers().between(0, 9);
    Arbitrary<Integer> breachAfterMinutes = Arbitraries.integers().between(1, 3 * 24 * 60);
    Arbitrary<CustomerTicket> ticket =
        Combinators.combine(opened, kind, breachAfterMinutes)
            .as(
                (at, k, minutes) -> {
                  // most tickets are unbreached; some breached, some excluded, some both
                  Instant breachedAt = at.plus(Duration.ofMinutes(minutes));
                  List<SlaFact.Breach> breaches =
                      k >= 7
                          ? List.of(
                              new SlaFact.Breach(
                                  new SlaFact.Goal(
                                      Metric.RESPONSE,
                                      "HIGH",
                                      Duration.ofMinutes(minutes),
                                      breachedAt),
                                  breachedAt,
                                  null))
                          : List.of();
                  Optional<ExclusionReason> exclusion =
                      k == 6 || k == 9
                          ? Optional.of(ExclusionReason.SCHEDULED_DOWNTIME)
                          : Optional.empty();
                  return new CustomerTicket(
                      "T-" + at.getEpochSecond() + "-" + k, at, breaches, exclusion);
                });
    return ticket.list().ofMaxSize(60);
  }

  @Provide
  Arbitrary<List<Subscription>> subscriptions() {
    Arbitrary<Subscription> subscription =
        Combinators.combine(
                Arbitraries.of(PLANS),
                Arbitraries.of(ZONES),
                Arbitraries.integers().between(0, 40),
                Arbitraries.integers().between(1, 5))
            .as(
                (plan, zone, day, fee) ->
                    new Subscription(
                        "acme",
                        plan,
                        BigDecimal.valueOf(fee * 100L),
                        "USD",
                        ZoneId.of(zone),
                        List.of(),
                        LocalDate.of(2026, 10, 20).plusDays(day),
                        Instant.EPOCH.plusSeconds(day)));
    return subscription.list().ofMinSize(1).ofMaxSize(3);
  }

  @Property(tries = 300)
  void countingUnbreachedTicketsGivesTheSameStatements(
      @ForAll("tickets") List<CustomerTicket> tickets,
      @ForAll("subscriptions") List<Subscription> subscriptions) {
    List<CustomerTicket> listed =
        tickets.stream().filter(t -> !UnbreachedTickets.isCountedOnly(t)).toList();
    List<UnbreachedTickets> counted = UnbreachedTickets.tally(tickets);

    assertThat(CompensationLedger.monthsWithActivity(subscriptions, listed, counted, List.of()))
        .isEqualTo(CompensationLedger.monthsWithActivity(subscriptions, tickets, List.of()));
    for (YearMonth month :
        List.of(YearMonth.of(2026, 10), YearMonth.of(2026, 11), YearMonth.of(2026, 12))) {
      assertThat(ledger.statement("acme", month, subscriptions, listed, counted, List.of()))
          .isEqualTo(ledger.statement("acme", month, subscriptions, tickets, List.of()));
    }
  }

  @Property
  void aQuarterHourHoldsItsInstantAndStartsOnAQuarterHour(@ForAll("instants") Instant instant) {
    Instant start = UnbreachedTickets.quarterHourOf(instant);
    assertThat(start).isBeforeOrEqualTo(instant).isAfter(instant.minus(Duration.ofMinutes(15)));
    assertThat(start.getEpochSecond() % 900).isZero();
  }

  @Provide
  Arbitrary<Instant> instants() {
    return Arbitraries.longs()
        .between(-SPAN_SECONDS * 1000, SPAN_SECONDS * 1000)
        .map(FROM::plusSeconds);
  }

  @Example
  void aTallyCountsOnlyTicketsWithoutBreachOrExclusionByQuarterHour() {
    Instant nine = Instant.parse("2026-11-10T09:00:00Z");
    List<CustomerTicket> tickets =
        List.of(
            new CustomerTicket("a", nine, List.of(), Optional.empty()),
            new CustomerTicket("b", nine.plusSeconds(899), List.of(), Optional.empty()),
            new CustomerTicket("c", nine.plusSeconds(900), List.of(), Optional.empty()),
            new CustomerTicket(
                "d", nine, List.of(), Optional.of(ExclusionReason.SCHEDULED_DOWNTIME)),
            new CustomerTicket(
                "e",
                nine,
                List.of(
                    new SlaFact.Breach(
                        new SlaFact.Goal(Metric.RESPONSE, "HIGH", Duration.ofMinutes(1), nine),
                        nine,
                        null)),
                Optional.empty()));

    assertThat(UnbreachedTickets.tally(tickets))
        .containsExactly(
            new UnbreachedTickets(nine, 2), new UnbreachedTickets(nine.plusSeconds(900), 1));
  }

  @Example
  void aCountMustStartAQuarterHourAndCountSomething() {
    assertThatThrownBy(() -> new UnbreachedTickets(Instant.parse("2026-11-10T09:05:00Z"), 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new UnbreachedTickets(Instant.parse("2026-11-10T09:00:00Z"), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
