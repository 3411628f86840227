package dev.slaservice.sla.domain.policy;

import static dev.slaservice.events.Metric.RESOLUTION;
import static dev.slaservice.events.Metric.RESPONSE;
import static dev.slaservice.events.Metric.RESTORE;
import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;

import dev.slaservice.events.Metric;
import dev.slaservice.sla.domain.compensation.CreditRule;
import java.math.BigDecimal;
import dev.slaservice.sla.domain.calendar.AlwaysOpenCalendar;
import dev.slaservice.sla.domain.calendar.BusinessCalendar;
import dev.slaservice.sla.domain.calendar.CalendarVersion;
import dev.slaservice.sla.domain.calendar.WeeklyCalendar;
import dev.slaservice.sla.domain.calendar.WeeklyWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The policy catalogs the service ships with, from the vendors' published terms (shared/seeds).
 *
 * <ul>
 *   <li><b>Websoft9</b> Standard / Advanced / Premium: General ("NORMAL") and High priority work
 *       orders, 24x7x365; the target is the time to a "Work Started" status (response only).
 *       Compensation: 5 % of the month's subscription fee per ticket whose target was missed,
 *       capped at the month's fee.</li>
 *   <li><b>EMQ</b> 5x8 (Mon–Fri 09:00–18:00 contract-local, Asia/Shanghai unless the contract says
 *       otherwise) and 7x24; P1–P4; response / restore / fix ("—" in the table: no such clock).
 *       Day-denominated fix targets count <em>service days</em> of the plan's calendar: one day is
 *       one full day of service hours, 9 h on 5x8 (so 50 days are 450 business hours, ten working
 *       weeks) and 24 h on 7x24. Restore and fix clocks pause while the ticket waits on the
 *       customer; response clocks do not.</li>
 *   <li><b>Orangesky</b>: first response; EMERGENCY 30 min on 24x7; HIGHLY_DEGRADED 4 h, MEDIUM 8 h,
 *       LOW 24 h on 24x5 (Sunday 15:00 through Friday 17:00 Pacific Time, one window).</li>
 * </ul>
 *
 * <p>Every plan and calendar here is version 1. Changing the terms of a plan means adding a version
 * with a later {@code effectiveFrom}, so tickets opened before keep the terms they were opened under.
 */
public final class BuiltInCatalog implements PolicyCatalog {

  public static final String EMQ_5X8 = "emq-5x8";
  public static final String ORANGESKY_24X5 = "orangesky-24x5";
  public static final ZoneId EMQ_DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
  private static final Duration EMQ_5X8_DAY = Duration.ofHours(9);
  private static final Duration FULL_DAY = Duration.ofHours(24);

  private final Map<String, Plan> plans = new LinkedHashMap<>();
  private final Map<String, CalendarVersion> calendars = new LinkedHashMap<>();

  public BuiltInCatalog() {
    addCalendar(AlwaysOpenCalendar.instance(), false);
    addCalendar(new WeeklyCalendar(EMQ_5X8, EMQ_DEFAULT_ZONE, WeeklyWindow.daily(
        EnumSet.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY), LocalTime.of(9, 0), LocalTime.of(18, 0)),
        List.of()), true);
    addCalendar(new WeeklyCalendar(ORANGESKY_24X5, ZoneId.of("America/Los_Angeles"),
        List.of(new WeeklyWindow(SUNDAY, LocalTime.of(15, 0), FRIDAY, LocalTime.of(17, 0))), List.of()), false);

    websoft9("websoft9-standard", "Websoft9 Standard Support", Duration.ofHours(12), Duration.ofHours(3));
    websoft9("websoft9-advanced", "Websoft9 Advanced Support", Duration.ofHours(6), Duration.ofMinutes(30));
    websoft9("websoft9-premium", "Websoft9 Premium Support", Duration.ofHours(2), Duration.ofMinutes(10));
    emq5x8();
    emq7x24();
    orangesky();
  }

  private void addCalendar(BusinessCalendar calendar, boolean followsCustomerZone) {
    calendars.put(calendar.id(), new CalendarVersion(calendar.id(), 1, Instant.EPOCH, calendar, followsCustomerZone));
  }

  private void websoft9(String id, String name, Duration normal, Duration high) {
    Map<String, Map<Metric, ClockTerms>> priorities = new LinkedHashMap<>();
    priorities.put("NORMAL", clocks(AlwaysOpenCalendar.ID, normal, null, null));
    priorities.put("HIGH", clocks(AlwaysOpenCalendar.ID, high, null, null));
    plans.put(id, new Plan(id, 1, Instant.EPOCH, name, priorities, Plan.DEFAULT_WARNING_PERCENTS,
        new CreditRule.PerMissedTicket(BigDecimal.valueOf(5))));
  }

  private void emq5x8() {
    Map<String, Map<Metric, ClockTerms>> priorities = new LinkedHashMap<>();
    priorities.put("P1", clocks(EMQ_5X8, hours(2), hours(8), EMQ_5X8_DAY.multipliedBy(50)));
    priorities.put("P2", clocks(EMQ_5X8, hours(4), hours(72), EMQ_5X8_DAY.multipliedBy(100)));
    priorities.put("P3", clocks(EMQ_5X8, hours(24), null, EMQ_5X8_DAY.multipliedBy(150)));
    priorities.put("P4", clocks(EMQ_5X8, hours(48), null, null));
    plans.put("emq-5x8", new Plan("emq-5x8", 1, Instant.EPOCH, "EMQ 5x8 support", priorities, Plan.DEFAULT_WARNING_PERCENTS));
  }

  private void emq7x24() {
    Map<String, Map<Metric, ClockTerms>> priorities = new LinkedHashMap<>();
    priorities.put("P1", clocks(AlwaysOpenCalendar.ID, hours(1), hours(8), FULL_DAY.multipliedBy(15)));
    priorities.put("P2", clocks(AlwaysOpenCalendar.ID, hours(2), hours(48), FULL_DAY.multipliedBy(30)));
    priorities.put("P3", clocks(AlwaysOpenCalendar.ID, hours(24), hours(120), FULL_DAY.multipliedBy(60)));
    priorities.put("P4", clocks(AlwaysOpenCalendar.ID, hours(48), null, null));
    plans.put("emq-7x24", new Plan("emq-7x24", 1, Instant.EPOCH, "EMQ 7x24 support", priorities, Plan.DEFAULT_WARNING_PERCENTS));
  }

  private void orangesky() {
    Map<String, Map<Metric, ClockTerms>> priorities = new LinkedHashMap<>();
    priorities.put("EMERGENCY", clocks(AlwaysOpenCalendar.ID, Duration.ofMinutes(30), null, null));
    priorities.put("HIGHLY_DEGRADED", clocks(ORANGESKY_24X5, hours(4), null, null));
    priorities.put("MEDIUM", clocks(ORANGESKY_24X5, hours(8), null, null));
    priorities.put("LOW", clocks(ORANGESKY_24X5, hours(24), null, null));
    plans.put("orangesky", new Plan("orangesky", 1, Instant.EPOCH, "Orangesky support", priorities, Plan.DEFAULT_WARNING_PERCENTS));
  }

  /** Response never pauses; restore and resolution pause while the ticket waits on the customer. */
  private static Map<Metric, ClockTerms> clocks(String calendarId, Duration response, Duration restore,
                                                Duration resolution) {
    Map<Metric, ClockTerms> clocks = new EnumMap<>(Metric.class);
    clocks.put(RESPONSE, new ClockTerms(RESPONSE, response, calendarId, false));
    if (restore != null) {
      clocks.put(RESTORE, new ClockTerms(RESTORE, restore, calendarId, true));
    }
    if (resolution != null) {
      clocks.put(RESOLUTION, new ClockTerms(RESOLUTION, resolution, calendarId, true));
    }
    return clocks;
  }

  private static Duration hours(long hours) {
    return Duration.ofHours(hours);
  }

  @Override
  public Optional<Plan> plan(String planId) {
    return Optional.ofNullable(plans.get(planId));
  }

  @Override
  public List<Plan> planVersions(String planId) {
    Plan plan = plans.get(planId);
    return plan == null ? List.of() : List.of(plan);
  }

  @Override
  public Collection<Plan> plans() {
    return List.copyOf(plans.values());
  }

  @Override
  public Collection<String> calendarIds() {
    return List.copyOf(calendars.keySet());
  }

  @Override
  public List<CalendarVersion> calendarVersions(String calendarId) {
    CalendarVersion version = calendars.get(calendarId);
    return version == null ? List.of() : List.of(version);
  }
}
