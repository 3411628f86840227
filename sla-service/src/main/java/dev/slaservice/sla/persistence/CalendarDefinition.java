package dev.slaservice.sla.persistence;

import dev.slaservice.events.ServiceWindow;
import dev.slaservice.sla.domain.calendar.Holiday;
import dev.slaservice.sla.domain.calendar.WeeklyCalendar;
import dev.slaservice.sla.domain.calendar.WeeklyWindow;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/** A weekly calendar as stored and as the API takes it: zone, windows, holidays. */
public record CalendarDefinition(
    String zone,
    List<ServiceWindow> windows,
    List<HolidayDefinition> holidays,
    boolean followsCustomerZone) {

  /** A closed local date, the whole day unless {@code from} / {@code to} are given. */
  public record HolidayDefinition(LocalDate date, LocalTime from, LocalTime to, String name) {

    Holiday toDomain() {
      return new Holiday(
          date,
          from == null ? LocalTime.MIDNIGHT : from,
          to == null ? LocalTime.MIDNIGHT : to,
          name == null ? "" : name);
    }

    static HolidayDefinition of(Holiday holiday) {
      return new HolidayDefinition(holiday.date(), holiday.from(), holiday.to(), holiday.name());
    }
  }

  public CalendarDefinition {
    windows = windows == null ? List.of() : List.copyOf(windows);
    holidays = holidays == null ? List.of() : List.copyOf(holidays);
  }

  /**
   * @throws IllegalArgumentException or java.time.DateTimeException saying what is wrong
   */
  public WeeklyCalendar toCalendar(String id) {
    return new WeeklyCalendar(
        id,
        ZoneId.of(zone),
        windows.stream().map(CalendarDefinition::window).toList(),
        holidays.stream().map(HolidayDefinition::toDomain).toList());
  }

  public static WeeklyWindow window(ServiceWindow w) {
    return new WeeklyWindow(w.startDay(), w.startTime(), w.endDay(), w.endTime());
  }

  public static CalendarDefinition of(WeeklyCalendar calendar, boolean followsCustomerZone) {
    return new CalendarDefinition(
        calendar.zone().getId(),
        calendar.windows().stream()
            .map(w -> new ServiceWindow(w.startDay(), w.startTime(), w.endDay(), w.endTime()))
            .toList(),
        calendar.holidays().stream().map(HolidayDefinition::of).toList(),
        followsCustomerZone);
  }
}
