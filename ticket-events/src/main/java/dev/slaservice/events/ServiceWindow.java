package dev.slaservice.events;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * A weekly window of service hours in the customer's zone, e.g. MONDAY 09:00 → MONDAY 18:00, or
 * SUNDAY 15:00 → FRIDAY 17:00 (one window across days). JSON: {@code {"startDay":"MONDAY",
 * "startTime":"09:00","endDay":"MONDAY","endTime":"18:00"}}.
 */
public record ServiceWindow(
    DayOfWeek startDay, LocalTime startTime, DayOfWeek endDay, LocalTime endTime) {}
