package dev.slaservice.sla.rest;

import dev.slaservice.events.FieldKind;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads query parameters, or answers 400 saying what a good value looks like. */
final class QueryParams {

  static final int DEFAULT_LIMIT = 50;

  private QueryParams() {}

  /** Null when absent. */
  static Instant instant(String name, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text.trim()).toInstant();
    } catch (DateTimeParseException e) {
      throw ProblemException.badRequest("query.bad-instant", name);
    }
  }

  /** A day (its start in {@code zone}) or an instant with offset; 400 otherwise. */
  static Instant dateOrInstant(String name, String text, ZoneId zone) {
    String value = text.trim();
    try {
      return value.length() == 10
          ? LocalDate.parse(value).atStartOfDay(zone).toInstant()
          : OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw ProblemException.badRequest("query.bad-date-or-instant", name);
    }
  }

  /** An IANA time zone; UTC (named so, not "Z") when absent. */
  static ZoneId zone(String name, String text) {
    if (text == null || text.isBlank()) {
      return ZoneId.of("UTC");
    }
    try {
      return ZoneId.of(text.trim());
    } catch (DateTimeException e) {
      throw ProblemException.badRequest("query.bad-zone", name, text);
    }
  }

  /** Null when absent. */
  static <E extends Enum<E>> E enumValue(Class<E> type, String name, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("query.bad-enum", name, names(type), text);
    }
  }

  /** Every value of a repeatable (or comma-separated) parameter; empty when absent. */
  static <E extends Enum<E>> Set<E> enumValues(Class<E> type, String name, List<String> texts) {
    Set<E> values = EnumSet.noneOf(type);
    if (texts != null) {
      texts.stream()
          .flatMap(t -> Arrays.stream(t.split(",")))
          .filter(t -> !t.isBlank())
          .forEach(t -> values.add(enumValue(type, name, t)));
    }
    return values;
  }

  static int limit(Integer limit, int max) {
    if (limit == null) {
      return Math.min(DEFAULT_LIMIT, max);
    }
    if (limit < 1 || limit > max) {
      throw ProblemException.badRequest("query.bad-limit", max);
    }
    return limit;
  }

  /** Null or blank means "absent". */
  static String text(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** An identifier from the path or a cursor: 400 unless the contract allows it. */
  static String id(String name, String value) {
    if (value == null || !FieldKind.ID.accepts(value)) {
      throw ProblemException.badRequest("query.bad-value", name, FieldKind.ID.expectation());
    }
    return value;
  }

  /** An optional filter of the kind; null when absent, 400 when the contract does not allow it. */
  static String optional(FieldKind kind, String name, String value) {
    String text = text(value);
    if (text != null && !kind.accepts(text)) {
      throw ProblemException.badRequest("query.bad-value", name, kind.expectation());
    }
    return text;
  }

  /** An opaque cursor from its parts. */
  static String cursor(String... parts) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
  }

  /** The parts of a cursor this service handed out; null for none; 400 for anything else. */
  static String[] cursorParts(String cursor, int parts) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    try {
      String[] split =
          new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8)
              .split("\n", -1);
      if (split.length != parts) {
        throw new IllegalArgumentException();
      }
      return split;
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("query.bad-cursor");
    }
  }

  /** For cursor parts: an instant, or 400 for a forged cursor. */
  static Instant cursorInstant(String text) {
    try {
      return text.isEmpty() ? null : Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw ProblemException.badRequest("query.bad-cursor");
    }
  }

  private static <E extends Enum<E>> String names(Class<E> type) {
    return String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
  }
}
