package dev.slaservice.sla.domain.compensation;

import dev.slaservice.events.Metric;
import dev.slaservice.sla.domain.policy.Plan;
import dev.slaservice.sla.domain.policy.PolicyCatalog;
import dev.slaservice.sla.domain.policy.Subscription;
import dev.slaservice.sla.domain.sla.SlaFact;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * Computes a customer's monthly compensation statement from their subscriptions, tickets and
 * claims. A pure function: the same inputs always give the same statement.
 *
 * <p>Rules (also in docs/semantics.md):
 *
 * <ul>
 *   <li>The terms are those of the plan of the subscription that governs the month: the one in
 *       force at the month's start (in its zone), else the first to start within the month. That
 *       subscription's fee is the month's fee and the cap.
 *   <li>A ticket belongs to the month of its first breach, in the zone of the subscription in force
 *       then; it earns at most one credit however many clocks breached.
 *   <li>A fee change mid-month: each credit is a share of the fee in force at the breach.
 *   <li>Excluded tickets are listed, not eligible; retracted breaches are not breaches.
 * </ul>
 */
public final class CompensationLedger {

  private final PolicyCatalog catalog;

  public CompensationLedger(PolicyCatalog catalog) {
    this.catalog = catalog;
  }

  /** Empty when no subscription governs the month. */
  public Optional<Statement> statement(
      String customerId,
      YearMonth month,
      List<Subscription> subscriptions,
      List<CustomerTicket> tickets,
      List<Claim> claims) {
    return statement(customerId, month, subscriptions, tickets, List.of(), claims);
  }

  /**
   * Empty when no subscription governs the month.
   *
   * @param tickets tickets in full: those with a breach or an exclusion, and any others
   * @param unbreached tickets only counted: none of them may also be among {@code tickets}
   */
  public Optional<Statement> statement(
      String customerId,
      YearMonth month,
      List<Subscription> subscriptions,
      List<CustomerTicket> tickets,
      List<UnbreachedTickets> unbreached,
      List<Claim> claims) {
    Optional<Subscription> governing = governing(subscriptions, month);
    if (governing.isEmpty()) {
      return Optional.empty();
    }
    Subscription subscription = governing.get();
    Money fee = fee(subscription);
    Instant monthStart = month.atDay(1).atStartOfDay(subscription.zone()).toInstant();
    CreditRule rule =
        catalog
            .planAt(subscription.planId(), monthStart)
            .map(Plan::credit)
            .orElse(new CreditRule.None());
    List<Statement.Line> lines = new ArrayList<>();
    Money subtotal;
    if (rule instanceof CreditRule.TieredByMetShare tiered) {
      subtotal = tiered(tiered, month, subscriptions, subscription, tickets, unbreached, lines);
    } else {
      subtotal =
          perTicket(
              rule, subscription.planId(), month, subscriptions, subscription, tickets, lines);
    }
    Money total = subtotal.min(fee);
    Instant claimedAt =
        claims.stream()
            .filter(c -> c.month().equals(month))
            .map(Claim::claimedAt)
            .min(Comparator.naturalOrder())
            .orElse(null);
    Statement.Status status =
        total.amount().signum() == 0
            ? Statement.Status.NONE
            : claimedAt == null ? Statement.Status.ELIGIBLE : Statement.Status.ISSUED;
    return Optional.of(
        new Statement(
            customerId,
            month,
            month.plusMonths(1),
            subscription.planId(),
            fee,
            lines,
            subtotal,
            total,
            subtotal.compareTo(fee) > 0,
            status,
            claimedAt));
  }

  /** The months in which any of the tickets first breached, or for which a claim was made. */
  public static List<YearMonth> monthsWithActivity(
      List<Subscription> subscriptions, List<CustomerTicket> tickets, List<Claim> claims) {
    return monthsWithActivity(subscriptions, tickets, List.of(), claims);
  }

  /**
   * The months in which any of the tickets opened or first breached, or for which a claim was made.
   */
  public static List<YearMonth> monthsWithActivity(
      List<Subscription> subscriptions,
      List<CustomerTicket> tickets,
      List<UnbreachedTickets> unbreached,
      List<Claim> claims) {
    List<YearMonth> months = new ArrayList<>();
    tickets.forEach(
        t -> t.firstBreach().ifPresent(b -> months.add(monthOf(b, subscriptions, null))));
    tickets.forEach(t -> months.add(monthOf(t.openedAt(), subscriptions, null)));
    unbreached.forEach(u -> months.add(monthOf(u.openedFrom(), subscriptions, null)));
    claims.forEach(c -> months.add(c.month()));
    return months.stream().distinct().sorted().toList();
  }

  private Money perTicket(
      CreditRule rule,
      String planId,
      YearMonth month,
      List<Subscription> subscriptions,
      Subscription governing,
      List<CustomerTicket> tickets,
      List<Statement.Line> lines) {
    Money subtotal = Money.zero(fee(governing).currency());
    for (CustomerTicket ticket : tickets) {
      Optional<Instant> breached = ticket.firstBreach();
      if (breached.isEmpty()
          || !monthOf(breached.get(), subscriptions, governing.zone()).equals(month)) {
        continue;
      }
      Subscription atBreach =
          Subscription.inForceAt(subscriptions, breached.get()).orElse(governing);
      List<Metric> metrics = ticket.breaches().stream().map(SlaFact::metric).distinct().toList();
      Money zero = Money.zero(subtotal.currency());
      if (ticket.exclusion().isPresent()) {
        lines.add(
            uncredited(
                ticket,
                breached.get(),
                metrics,
                zero,
                new LineReason.Excluded(ticket.exclusion().get())));
      } else if (rule instanceof CreditRule.PerMissedTicket perTicket) {
        Money credit = fee(atBreach).percent(perTicket.percentOfFee());
        subtotal = subtotal.plus(credit);
        lines.add(
            new Statement.Line(
                ticket.ticketId(),
                breached.get(),
                metrics,
                credit,
                true,
                new LineReason.PercentOfFee(perTicket.percentOfFee(), fee(atBreach), metrics)));
      } else {
        lines.add(
            uncredited(ticket, breached.get(), metrics, zero, new LineReason.NoTerms(planId)));
      }
    }
    return subtotal;
  }

  /** A breached ticket's line that earns nothing, and why. */
  private static Statement.Line uncredited(
      CustomerTicket ticket, Instant breachedAt, List<Metric> metrics, Money zero, LineReason why) {
    return new Statement.Line(ticket.ticketId(), breachedAt, metrics, zero, false, why);
  }

  private Money tiered(
      CreditRule.TieredByMetShare rule,
      YearMonth month,
      List<Subscription> subscriptions,
      Subscription governing,
      List<CustomerTicket> tickets,
      List<UnbreachedTickets> unbreached,
      List<Statement.Line> lines) {
    Money zero = Money.zero(fee(governing).currency());
    List<CustomerTicket> ofMonth =
        tickets.stream()
            .filter(t -> monthOf(t.openedAt(), subscriptions, governing.zone()).equals(month))
            .toList();
    List<CustomerTicket> counted = ofMonth.stream().filter(t -> t.exclusion().isEmpty()).toList();
    long onlyCounted =
        unbreached.stream()
            .filter(u -> monthOf(u.openedFrom(), subscriptions, governing.zone()).equals(month))
            .mapToLong(UnbreachedTickets::count)
            .sum();
    long met = counted.stream().filter(t -> t.breaches().isEmpty()).count() + onlyCounted;
    long countedTotal = counted.size() + onlyCounted;
    BigDecimal share =
        countedTotal == 0
            ? BigDecimal.ONE
            : BigDecimal.valueOf(met)
                .divide(BigDecimal.valueOf(countedTotal), MathContext.DECIMAL64);
    for (CustomerTicket ticket : ofMonth) {
      if (ticket.firstBreach().isEmpty()) {
        continue;
      }
      List<Metric> metrics = ticket.breaches().stream().map(SlaFact::metric).distinct().toList();
      boolean excluded = ticket.exclusion().isPresent();
      lines.add(
          new Statement.Line(
              ticket.ticketId(),
              ticket.firstBreach().get(),
              metrics,
              zero,
              !excluded,
              excluded
                  ? new LineReason.NotCounted(ticket.exclusion().get())
                  : new LineReason.CountedAgainstMonth(met, countedTotal)));
    }
    return rule.tiers().stream()
        .filter(t -> share.compareTo(t.metShareBelow()) < 0)
        .findFirst()
        .map(t -> fee(governing).percent(t.percentOfFee()))
        .orElse(zero);
  }

  /** The subscription in force at the month's start, else the first to start within it. */
  static Optional<Subscription> governing(List<Subscription> subscriptions, YearMonth month) {
    Optional<Subscription> atStart =
        subscriptions.stream()
            .filter(s -> !s.startsAt().isAfter(month.atDay(1).atStartOfDay(s.zone()).toInstant()))
            .max(
                Comparator.comparing(Subscription::startsAt)
                    .thenComparing(Subscription::occurredAt));
    return atStart.or(
        () ->
            subscriptions.stream()
                .filter(s -> YearMonth.from(s.effectiveFrom()).equals(month))
                .min(Comparator.comparing(Subscription::startsAt)));
  }

  static YearMonth monthOf(Instant instant, List<Subscription> subscriptions, ZoneId fallback) {
    ZoneId zone =
        Subscription.inForceAt(subscriptions, instant)
            .map(Subscription::zone)
            .or(() -> subscriptions.stream().findFirst().map(Subscription::zone))
            .orElse(fallback == null ? ZoneId.of("UTC") : fallback);
    return YearMonth.from(instant.atZone(zone));
  }

  private static Money fee(Subscription subscription) {
    return new Money(subscription.monthlyFee(), Currency.getInstance(subscription.currency()));
  }
}
