package dev.slaservice.sla.domain.compensation;

import dev.slaservice.events.CompensationEvent;
import dev.slaservice.sla.domain.sla.StableIds;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * (what billing was told about a month, the month's statement now) → (what it is told now, the
 * events that say what changed). Re-computing an unchanged statement yields no event.
 */
public final class CompensationProjector {

  private CompensationProjector() {}

  /**
   * What was published for one customer-month: each ticket's credit line, and the issued amount if
   * any.
   */
  public record Published(Map<String, PublishedLine> lines, BigDecimal issued) {
    public static Published nothing() {
      return new Published(Map.of(), null);
    }
  }

  public record PublishedLine(BigDecimal amount, boolean eligible) {}

  public record Transition(Published published, List<CompensationEvent> outgoing) {}

  public static Transition advance(Published before, Statement statement, Instant detectedAt) {
    String customer = statement.customerId();
    String month = statement.month().toString();
    String currency = statement.total().currency().getCurrencyCode();
    List<CompensationEvent> outgoing = new ArrayList<>();
    Map<String, PublishedLine> lines = new LinkedHashMap<>();
    for (Statement.Line line : statement.lines()) {
      PublishedLine now = new PublishedLine(line.credit().amount(), line.eligible());
      lines.put(line.ticketId(), now);
      if (!now.equals(before.lines().get(line.ticketId()))) {
        outgoing.add(
            new CompensationEvent.CompensationAccrued(
                StableIds.of(
                    customer,
                    month,
                    line.ticketId(),
                    "ACCRUED",
                    now.amount().toPlainString(),
                    Boolean.toString(now.eligible())),
                customer,
                statement.month(),
                line.ticketId(),
                now.amount(),
                currency,
                now.eligible(),
                line.reason().text(Locale.ENGLISH),
                line.reason().text(Locale.CHINESE),
                detectedAt));
      }
    }
    BigDecimal issued = before.issued();
    List<String> tickets =
        statement.lines().stream()
            .filter(Statement.Line::eligible)
            .map(Statement.Line::ticketId)
            .toList();
    BigDecimal total = statement.total().amount();
    if (statement.claimed() && issued == null && total.signum() > 0) {
      issued = total;
      outgoing.add(
          new CompensationEvent.CompensationIssued(
              StableIds.of(customer, month, "ISSUED"),
              customer,
              statement.month(),
              statement.creditMonth(),
              total,
              currency,
              tickets,
              statement.capped(),
              detectedAt));
    } else if (issued != null && issued.compareTo(total) != 0) {
      outgoing.add(
          new CompensationEvent.CompensationCorrected(
              StableIds.of(
                  customer, month, "CORRECTED", issued.toPlainString(), total.toPlainString()),
              customer,
              statement.month(),
              statement.creditMonth(),
              issued,
              total,
              currency,
              tickets,
              statement.capped(),
              detectedAt));
      issued = total;
    }
    return new Transition(new Published(Map.copyOf(lines), issued), List.copyOf(outgoing));
  }
}
