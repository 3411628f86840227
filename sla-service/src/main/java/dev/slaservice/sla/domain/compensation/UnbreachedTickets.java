package dev.slaservice.sla.domain.compensation;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many of a customer's tickets opened in one quarter-hour have neither a breach nor an
 * exclusion. That count is all a statement needs of them, so the books carry it instead of the
 * tickets themselves: a customer's statement then reads its breached and excluded tickets, not
 * every ticket it ever opened.
 *
 * <p>Every zone offset in use is a whole number of quarter-hours, so a month starts on a
 * quarter-hour boundary in every zone, and all tickets of a quarter-hour fall in the same month.
 *
 * @param openedFrom the start of the quarter-hour (UTC-aligned)
 */
public record UnbreachedTickets(Instant openedFrom, long count) {

  static final Duration QUARTER_HOUR = Duration.ofMinutes(15);

  public UnbreachedTickets {
    if (!quarterHourOf(openedFrom).equals(openedFrom)) {
      throw new IllegalArgumentException(openedFrom + " does not start a quarter-hour");
    }
    if (count < 1) {
      throw new IllegalArgumentException(
          "a quarter-hour of unbreached tickets counts at least one: " + count);
    }
  }

  /** The start of the quarter-hour holding {@code instant}. */
  public static Instant quarterHourOf(Instant instant) {
    long seconds = QUARTER_HOUR.toSeconds();
    return Instant.ofEpochSecond(Math.floorDiv(instant.getEpochSecond(), seconds) * seconds);
  }

  /** Whether a ticket is one that is only counted: it has no breach and no exclusion. */
  public static boolean isCountedOnly(CustomerTicket ticket) {
    return ticket.breaches().isEmpty() && ticket.exclusion().isEmpty();
  }

  /** The counts of the tickets that are only counted, by quarter-hour of their opening. */
  public static List<UnbreachedTickets> tally(Collection<CustomerTicket> tickets) {
    Map<Instant, Long> counts = new TreeMap<>();
    tickets.stream()
        .filter(UnbreachedTickets::isCountedOnly)
        .forEach(t -> counts.merge(quarterHourOf(t.openedAt()), 1L, Long::sum));
    return counts.entrySet().stream()
        .map(e -> new UnbreachedTickets(e.getKey(), e.getValue()))
        .toList();
  }
}
