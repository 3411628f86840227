package dev.slaservice.sla.domain.compensation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slaservice.events.CompensationEvent;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CompensationLedgerTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
  private static final Instant NOV_10 = Instant.parse("2026-11-10T02:00:00Z");

  private final CompensationLedger ledger =
      new CompensationLedger(new TestCatalog(List.of(TieredPlan.tiered())));

  private static Subscription subscription(String plan, String fee, LocalDate from) {
    return new Subscription(
        "acme", plan, new BigDecimal(fee), "USD", SHANGHAI, List.of(), from, Instant.EPOCH);
  }

  private static CustomerTicket breached(String id, Instant at, Metric... metrics) {
    List<SlaFact.Breach> breaches =
        Stream.of(metrics)
            .map(
                m ->
                    new SlaFact.Breach(
                        new SlaFact.Goal(m, "HIGH", Duration.ofMinutes(10), at), at, null))
            .toList();
    return new CustomerTicket(id, at.minus(Duration.ofMinutes(10)), breaches, Optional.empty());
  }

  private static CustomerTicket met(String id, Instant openedAt) {
    return new CustomerTicket(id, openedAt, List.of(), Optional.empty());
  }

  private static List<CustomerTicket> breachedTickets(int count) {
    List<CustomerTicket> tickets = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      tickets.add(breached("T-" + i, NOV_10.plus(Duration.ofHours(i)), Metric.RESPONSE));
    }
    return tickets;
  }

  private Statement statement(
      List<Subscription> subscriptions, List<CustomerTicket> tickets, List<Claim> claims) {
    return ledger.statement("acme", NOVEMBER, subscriptions, tickets, claims).orElseThrow();
  }

  @Nested
  class GivenWebsoft9StandardAtAThousandDollars {
    private final List<Subscription> subscriptions =
        List.of(subscription("websoft9-standard", "1000.00", LocalDate.of(2026, 1, 1)));

    @Test
    void whenThreeTicketsBreachedInNovemberThenOneHundredFiftyIsEligibleForDecember() {
      Statement statement = statement(subscriptions, breachedTickets(3), List.of());
      assertThat(statement.total()).isEqualTo(Money.of("150.00", "USD"));
      assertThat(statement.status()).isEqualTo(Statement.Status.ELIGIBLE);
      assertThat(statement.creditMonth()).isEqualTo(YearMonth.of(2026, 12));
      assertThat(statement.lines())
          .allMatch(l -> l.credit().equals(Money.of("50.00", "USD")) && l.eligible());
    }

    @Test
    void whenTwentyFiveTicketsBreachedThenTheTotalIsCappedAtTheFee() {
      Statement statement = statement(subscriptions, breachedTickets(25), List.of());
      assertThat(statement.subtotal()).isEqualTo(Money.of("1250.00", "USD"));
      assertThat(statement.total()).isEqualTo(Money.of("1000.00", "USD"));
      assertThat(statement.capped()).isTrue();
    }

    @Test
    void whenATicketBreachedTwoClocksThenItEarnsOneCredit() {
      Statement statement =
          statement(
              subscriptions,
              List.of(breached("T-1", NOV_10, Metric.RESPONSE, Metric.RESTORE)),
              List.of());
      assertThat(statement.lines())
          .singleElement()
          .satisfies(
              l -> {
                assertThat(l.credit()).isEqualTo(Money.of("50.00", "USD"));
                assertThat(l.metrics()).containsExactly(Metric.RESPONSE, Metric.RESTORE);
              });
    }

    @Test
    void whenATicketIsExcludedThenItIsListedButEarnsNothing() {
      CustomerTicket excluded =
          new CustomerTicket(
              "T-x",
              NOV_10,
              breached("T-x", NOV_10, Metric.RESPONSE).breaches(),
              Optional.of(ExclusionReason.FORCE_MAJEURE));
      Statement statement = statement(subscriptions, List.of(excluded), List.of());
      assertThat(statement.total()).isEqualTo(Money.of("0.00", "USD"));
      assertThat(statement.lines())
          .singleElement()
          .satisfies(
              l -> {
                assertThat(l.eligible()).isFalse();
                assertThat(l.reason().text(Locale.ENGLISH)).contains("FORCE_MAJEURE");
              });
      assertThat(statement.status()).isEqualTo(Statement.Status.NONE);
    }

    @Test
    void whenTheCustomerClaimsThenTheMonthIsIssued() {
      Statement statement =
          statement(
              subscriptions,
              breachedTickets(3),
              List.of(new Claim(NOVEMBER, Instant.parse("2026-12-01T00:00:00Z"))));
      assertThat(statement.status()).isEqualTo(Statement.Status.ISSUED);
    }

    @Test
    void whenABreachIsLateOnTheLastEveningInShanghaiThenItBelongsToDecember() {
      Instant lastEveningUtc = Instant.parse("2026-11-30T17:00:00Z");
      Statement november =
          statement(
              subscriptions, List.of(breached("T-1", lastEveningUtc, Metric.RESPONSE)), List.of());
      assertThat(november.lines()).isEmpty();
    }
  }

  @Test
  void aFeeChangeMidMonthCreditsEachBreachAtTheFeeInForceThenAndCapsAtTheMonthsFee() {
    List<Subscription> subscriptions =
        List.of(
            subscription("websoft9-standard", "1000.00", LocalDate.of(2026, 1, 1)),
            subscription("websoft9-standard", "2000.00", LocalDate.of(2026, 11, 15)));
    Statement statement =
        statement(
            subscriptions,
            List.of(
                breached("T-early", NOV_10, Metric.RESPONSE),
                breached("T-late", Instant.parse("2026-11-20T02:00:00Z"), Metric.RESPONSE)),
            List.of());
    assertThat(statement.lines())
        .extracting(l -> l.credit().amount().toPlainString())
        .containsExactly("50.00", "100.00");
    assertThat(statement.monthlyFee()).isEqualTo(Money.of("1000.00", "USD"));
  }

  @Test
  void aCreditIsRoundedHalfEvenToTheCurrencysMinorUnit() {
    List<Subscription> subscriptions =
        List.of(subscription("websoft9-standard", "10.10", LocalDate.of(2026, 1, 1)));
    assertThat(statement(subscriptions, breachedTickets(1), List.of()).total())
        .isEqualTo(Money.of("0.50", "USD"));
    assertThat(Money.of("0.505", "USD").amount().toPlainString()).isEqualTo("0.50");
    assertThat(Money.of("0.515", "USD").amount().toPlainString()).isEqualTo("0.52");
  }

  @Test
  void aPlanWithoutTermsListsBreachesWithoutCredit() {
    Statement statement =
        statement(
            List.of(subscription("emq-7x24", "1000.00", LocalDate.of(2026, 1, 1))),
            breachedTickets(2),
            List.of());
    assertThat(statement.total().amount().signum()).isZero();
    assertThat(statement.lines())
        .allMatch(
            l ->
                !l.eligible() && l.reason().text(Locale.ENGLISH).contains("no compensation terms"));
  }

  @Test
  void aTieredPlanCreditsTheMonthByTheShareOfTicketsThatMetTheirTargets() {
    List<Subscription> subscriptions =
        List.of(subscription("tiered", "1000.00", LocalDate.of(2026, 1, 1)));
    List<CustomerTicket> tickets = new ArrayList<>(breachedTickets(2));
    for (int i = 0; i < 18; i++) {
      tickets.add(met("M-" + i, NOV_10));
    }
    Statement statement = statement(subscriptions, tickets, List.of());
    // 18 of 20 met = 90 %: below 95 % earns 10 %, below 90 % would earn 25 %
    assertThat(statement.total()).isEqualTo(Money.of("100.00", "USD"));
    assertThat(statement.lines())
        .hasSize(2)
        .allMatch(l -> l.reason().text(Locale.ENGLISH).contains("18 of 20"));
  }

  @Nested
  class GivenAnIssuedMonth {
    private final List<Subscription> subscriptions =
        List.of(subscription("websoft9-standard", "1000.00", LocalDate.of(2026, 1, 1)));
    private final List<Claim> claims =
        List.of(new Claim(NOVEMBER, Instant.parse("2026-12-01T00:00:00Z")));
    private final CompensationProjector.Transition issued =
        CompensationProjector.advance(
            CompensationProjector.Published.nothing(),
            statement(subscriptions, breachedTickets(3), claims),
            NOV_10);

    @Test
    void thenAccrualsAndOneIssueWentOut() {
      List<CompensationEvent> outgoing = issued.outgoing();
      assertThat(outgoing).hasSize(4);
      assertThat(outgoing.subList(0, 3))
          .hasOnlyElementsOfType(CompensationEvent.CompensationAccrued.class);
      assertThat(outgoing.get(3))
          .isInstanceOfSatisfying(
              CompensationEvent.CompensationIssued.class,
              issue -> assertThat(issue.amount()).isEqualByComparingTo("150.00"));
    }

    @Test
    void whenNothingChangedThenNothingGoesOut() {
      assertThat(
              CompensationProjector.advance(
                      issued.published(),
                      statement(subscriptions, breachedTickets(3), claims),
                      NOV_10.plusSeconds(5))
                  .outgoing())
          .isEmpty();
    }

    @Test
    void whenABreachIsRetractedAfterIssueThenACorrectionGoesOut() {
      CompensationProjector.Transition corrected =
          CompensationProjector.advance(
              issued.published(),
              statement(subscriptions, breachedTickets(2), claims),
              NOV_10.plusSeconds(5));
      assertThat(corrected.outgoing())
          .singleElement()
          .isInstanceOfSatisfying(
              CompensationEvent.CompensationCorrected.class,
              c -> {
                assertThat(c.previousAmount()).isEqualByComparingTo("150.00");
                assertThat(c.amount()).isEqualByComparingTo("100.00");
              });
    }
  }
}
