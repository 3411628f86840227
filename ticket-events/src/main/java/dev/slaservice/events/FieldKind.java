package dev.slaservice.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Currency;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * The shapes an event field can take, each with the check it must pass and the hint shown when it
 * does not.
 */
public enum FieldKind {
  /** An identifier: 1–128 printable characters, no spaces. */
  ID("an identifier of 1 to 128 printable characters without spaces") {
    // by hand, not by a pattern: every event has several ids, checked at intake and read again on
    // every re-fold, where a pattern match costs more (FieldKindProperties holds this equal to the
    // pattern)
    @Override
    public boolean accepts(String value) {
      return lengthBetween(value, 1, MAX_ID_LENGTH) && all(value, c -> c >= '!' && c <= '~');
    }
  },
  /** A plan priority name such as NORMAL, HIGH, P1 or HIGHLY_DEGRADED. */
  PRIORITY(
      "a priority name of the plan, e.g. NORMAL, HIGH, P1 or EMERGENCY (letters, digits, '_', at most 64)") {
    @Override
    public boolean accepts(String value) {
      return lengthBetween(value, 1, 64)
          && all(
              value,
              c ->
                  (c >= 'A' && c <= 'Z')
                      || (c >= 'a' && c <= 'z')
                      || (c >= '0' && c <= '9')
                      || c == '_');
    }
  },
  /** Free text naming the sender, 1–200 characters, no control characters. */
  TEXT("text of 1 to 200 characters without control characters") {
    @Override
    public boolean accepts(String value) {
      return !value.isBlank()
          && value.length() <= 200
          && value.chars().noneMatch(Character::isISOControl);
    }
  },
  INSTANT(
      "an ISO-8601 date-time with offset between 1970 and 2999, e.g. 2026-11-02T09:30:00+08:00") {
    // the strict form first: every event has an occurredAt, and java.time's general parser costs
    // more
    // (FieldKindProperties holds this equal to the parser alone)
    @Override
    public boolean accepts(String value) {
      return parsesWithinYears(
          value,
          v -> {
            OffsetDateTime strict = IsoTimes.offsetDateTime(v);
            return (strict != null ? strict : OffsetDateTime.parse(v)).getYear();
          });
    }
  },
  DATE("an ISO-8601 local date, e.g. 2026-11-01") {
    @Override
    public boolean accepts(String value) {
      return parsesWithinYears(value, v -> LocalDate.parse(v).getYear());
    }
  },
  MONTH("a month as YYYY-MM, e.g. 2026-11") {
    @Override
    public boolean accepts(String value) {
      return parsesWithinYears(value, v -> YearMonth.parse(v).getYear());
    }
  },
  MONEY(
      "a non-negative decimal amount with at most 4 decimals and 15 integer digits, e.g. \"1000.00\"") {
    @Override
    public boolean accepts(String value) {
      try {
        BigDecimal amount = new BigDecimal(value);
        return amount.signum() >= 0
            && Math.max(amount.scale(), 0) <= 4
            && amount.precision() - amount.scale() <= 15;
      } catch (NumberFormatException e) {
        return false;
      }
    }
  },
  CURRENCY("an ISO 4217 currency code, e.g. USD or CNY") {
    @Override
    public boolean accepts(String value) {
      try {
        return value.length() == 3 && Currency.getInstance(value) != null;
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
  },
  ZONE("an IANA time zone, e.g. Asia/Shanghai or America/Los_Angeles") {
    @Override
    public boolean accepts(String value) {
      try {
        return value.contains("/") && ZoneId.of(value) != null || "UTC".equals(value);
      } catch (RuntimeException e) {
        return false;
      }
    }
  },
  /** An array of 1–50 weekly windows (validated by {@link #acceptsWindows}); never a string. */
  WINDOWS(
      "an array of 1 to 50 windows like {\"startDay\":\"MONDAY\",\"startTime\":\"09:00\","
          + "\"endDay\":\"MONDAY\",\"endTime\":\"18:00\"}, none empty") {
    @Override
    public boolean accepts(String value) {
      return false;
    }
  },
  EXCLUSION_REASON(oneOf(ExclusionReason.values())) {
    @Override
    public boolean accepts(String value) {
      return isNameOf(ExclusionReason.values(), value);
    }
  },
  VISIBILITY(oneOf(ReplyVisibility.values())) {
    @Override
    public boolean accepts(String value) {
      return isNameOf(ReplyVisibility.values(), value);
    }
  };

  public static final int MAX_ID_LENGTH = 128;

  private final String expectation;

  FieldKind(String expectation) {
    this.expectation = expectation;
  }

  /** What a valid value looks like, in words a person can act on. */
  public String expectation() {
    return expectation;
  }

  public abstract boolean accepts(String value);

  /** Whether {@code value} parses, by {@code yearOf}, to a time in the years 1970 to 2999. */
  private static boolean parsesWithinYears(String value, ToIntFunction<String> yearOf) {
    try {
      int year = yearOf.applyAsInt(value);
      return year >= 1970 && year <= 2999;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** "one of A, B, C": the expectation of a field that names a constant of an enum. */
  private static String oneOf(Enum<?>[] constants) {
    return "one of " + Arrays.stream(constants).map(Enum::name).collect(Collectors.joining(", "));
  }

  private static boolean isNameOf(Enum<?>[] constants, String value) {
    return Arrays.stream(constants).anyMatch(c -> c.name().equals(value));
  }

  private static boolean lengthBetween(String value, int min, int max) {
    return value.length() >= min && value.length() <= max;
  }

  private static boolean all(String value, IntPredicate accepted) {
    for (int i = 0; i < value.length(); i++) {
      if (!accepted.test(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static boolean acceptsWindows(JsonNode node) {
    if (!node.isArray() || node.isEmpty() || node.size() > 50) {
      return false;
    }
    Set<String> fields = Set.of("startDay", "startTime", "endDay", "endTime");
    for (JsonNode window : node) {
      if (!window.isObject() || window.size() != fields.size()) {
        return false;
      }
      for (String field : fields) {
        JsonNode value = window.get(field);
        if (value == null || !value.isTextual()) {
          return false;
        }
      }
      try {
        DayOfWeek startDay = DayOfWeek.valueOf(window.get("startDay").asText());
        DayOfWeek endDay = DayOfWeek.valueOf(window.get("endDay").asText());
        LocalTime start = LocalTime.parse(window.get("startTime").asText());
        LocalTime end = LocalTime.parse(window.get("endTime").asText());
        if (startDay == endDay && start.equals(end)) {
          return false;
        }
      } catch (IllegalArgumentException | DateTimeParseException e) {
        return false;
      }
    }
    return true;
  }

  /** Money may come as a JSON number; everything else must be a JSON string. */
  boolean acceptsNumbers() {
    return this == MONEY;
  }
}
