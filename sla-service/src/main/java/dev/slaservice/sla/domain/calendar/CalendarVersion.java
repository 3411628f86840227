package dev.slaservice.sla.domain.calendar;

import java.time.Instant;

/**
 * One version of a calendar, in force from {@code effectiveFrom}. A ticket is judged by the version
 * in force when it was opened; a change never rewrites the past.
 *
 * @param followsCustomerZone whether a customer's contract zone replaces the calendar's zone (EMQ:
 *     "local time is the zone of the signed contract")
 */
public record CalendarVersion(
    String id,
    int version,
    Instant effectiveFrom,
    BusinessCalendar calendar,
    boolean followsCustomerZone) {}
