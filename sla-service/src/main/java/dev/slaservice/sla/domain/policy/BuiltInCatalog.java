package dev.slaservice.sla.domain.policy;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;

import dev.slaservice.sla.domain.calendar.AlwaysOpenCalendar;
import dev.slaservice.sla.domain.calendar.BusinessCalendar;
import dev.slaservice.sla.domain.calendar.CalendarVersion;
import dev.slaservice.sla.domain.calendar.WeeklyCalendar;
import dev.slaservice.sla.domain.calendar.WeeklyWindow;
import dev.slaservice.sla.domain.policy.definition.CheckedDefinition;
import dev.slaservice.sla.domain.policy.definition.PlanDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
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
 *       capped at the month's fee.
 *   <li><b>EMQ</b> 5x8 (Mon–Fri 09:00–18:00 contract-local, Asia/Shanghai unless the contract says
 *       otherwise) and 7x24; P1–P4; response / restore / fix ("—" in the table: no such clock).
 *       Day-denominated fix targets count <em>service days</em> of the plan's calendar: one day is
 *       one full day of service hours, 9 h on 5x8 (so 50 days are 450 business hours, ten working
 *       weeks) and 24 h on 7x24. Restore and fix clocks pause while the ticket waits on the
 *       customer; response clocks do not.
 *   <li><b>Orangesky</b>: first response; EMERGENCY 30 min on 24x7; HIGHLY_DEGRADED 4 h, MEDIUM 8
 *       h, LOW 24 h on 24x5 (Sunday 15:00 through Friday 17:00 Pacific Time, one window).
 * </ul>
 *
 * <p>The plans are data files shipped with the service ({@link #PLAN_IDS}), read and checked by the
 * same parser and validator as a PUT /plans/{planId}; the calendars are code.
 *
 * <p>Every plan and calendar here is version 1. Changing the terms of a plan means adding a version
 * with a later {@code effectiveFrom}, so tickets opened before keep the terms they were opened
 * under.
 */
public final class BuiltInCatalog implements PolicyCatalog {

  public static final String EMQ_5X8 = "emq-5x8";
  public static final String ORANGESKY_24X5 = "orangesky-24x5";
  public static final ZoneId EMQ_DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

  /**
   * The plans shipped as data files, {@code plans/<id>.json}, read like a PUT /plans/{planId} body.
   */
  public static final List<String> PLAN_IDS =
      List.of(
          "websoft9-standard",
          "websoft9-advanced",
          "websoft9-premium",
          "emq-5x8",
          "emq-7x24",
          "orangesky");

  private final Map<String, Plan> plans = new LinkedHashMap<>();
  private final Map<String, CalendarVersion> calendars = new LinkedHashMap<>();
  private final Map<String, PlanDefinition> definitions = new LinkedHashMap<>();

  public BuiltInCatalog() {
    addCalendar(AlwaysOpenCalendar.instance(), false);
    addCalendar(
        new WeeklyCalendar(
            EMQ_5X8,
            EMQ_DEFAULT_ZONE,
            WeeklyWindow.daily(
                EnumSet.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY),
                LocalTime.of(9, 0),
                LocalTime.of(18, 0)),
            List.of()),
        true);
    addCalendar(
        new WeeklyCalendar(
            ORANGESKY_24X5,
            ZoneId.of("America/Los_Angeles"),
            List.of(new WeeklyWindow(SUNDAY, LocalTime.of(15, 0), FRIDAY, LocalTime.of(17, 0))),
            List.of()),
        false);

    PLAN_IDS.forEach(this::addPlan);
  }

  private void addCalendar(BusinessCalendar calendar, boolean followsCustomerZone) {
    calendars.put(
        calendar.id(),
        new CalendarVersion(calendar.id(), 1, Instant.EPOCH, calendar, followsCustomerZone));
  }

  private void addPlan(String id) {
    String resource = "/plans/" + id + ".json";
    String json;
    try (InputStream in = BuiltInCatalog.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the service ships without " + resource);
      }
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    CheckedDefinition checked = CheckedDefinition.of(json, calendars::containsKey);
    if (!checked.valid()) {
      throw new IllegalStateException(resource + " is not a valid plan: " + checked.problems());
    }
    definitions.put(id, checked.definition());
    plans.put(
        id,
        checked
            .definition()
            .toPlan(
                id,
                1,
                Instant.EPOCH,
                calendarId ->
                    Optional.ofNullable(calendars.get(calendarId)).map(CalendarVersion::calendar)));
  }

  /** The definition a built-in plan was read from. */
  public Optional<PlanDefinition> definition(String planId) {
    return Optional.ofNullable(definitions.get(planId));
  }

  @Override
  public Optional<PlanDefinition> definition(String planId, int version) {
    return version == 1 ? definition(planId) : Optional.empty();
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
