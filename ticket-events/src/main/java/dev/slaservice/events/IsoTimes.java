package dev.slaservice.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Reads the times the service itself writes (ISO-8601, {@code
 * 2026-11-22T10:15:30[.fraction](Z|±hh:mm)}) without java.time's general formatter, which costs
 * more for this one fixed form, and every stored event, clock and fact is read back on each change
 * of its ticket. Any other form, and any invalid date, goes to the jsr310 deserializers, so what is
 * accepted and the errors given are theirs.
 */
final class IsoTimes {

  private IsoTimes() {}

  static SimpleModule module() {
    return new SimpleModule("iso-times")
        .addDeserializer(
            Instant.class,
            new Fast<>(InstantDeserializer.INSTANT) {
              @Override
              Instant parse(String text) {
                OffsetDateTime time = offsetDateTime(text);
                return time == null ? null : time.toInstant();
              }
            })
        .addDeserializer(
            OffsetDateTime.class,
            new Fast<>(InstantDeserializer.OFFSET_DATE_TIME) {
              @Override
              OffsetDateTime parse(String text) {
                return offsetDateTime(text);
              }
            });
  }

  /** The time {@code text} names, or null when it is not in the strict form this reads. */
  static OffsetDateTime offsetDateTime(String text) {
    int length = text.length();
    if (length < 20
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
      return null;
    }
    int at = 19;
    int nanos = 0;
    if (text.charAt(at) == '.') {
      int start = ++at;
      while (at < length && Character.isDigit(text.charAt(at)) && at - start < 9) {
        nanos = nanos * 10 + (text.charAt(at) - '0');
        at++;
      }
      int count = at - start;
      if (count == 0 || (at < length && Character.isDigit(text.charAt(at)))) {
        return null;
      }
      for (int scale = count; scale < 9; scale++) {
        nanos *= 10;
      }
    }
    ZoneOffset offset = offset(text, at);
    if (offset == null) {
      return null;
    }
    try {
      return OffsetDateTime.of(
          LocalDateTime.of(year, month, day, hour, minute, second, nanos), offset);
    } catch (DateTimeException invalid) {
      return null;
    }
  }

  private static ZoneOffset offset(String text, int at) {
    int remaining = text.length() - at;
    if (remaining == 1 && text.charAt(at) == 'Z') {
      return ZoneOffset.UTC;
    }
    if (remaining != 6
        || (text.charAt(at) != '+' && text.charAt(at) != '-')
        || text.charAt(at + 3) != ':') {
      return null;
    }
    int hours = digits(text, at + 1, 2);
    int minutes = digits(text, at + 4, 2);
    if (hours < 0 || minutes < 0 || hours > 18 || minutes > 59) {
      return null;
    }
    int sign = text.charAt(at) == '-' ? -1 : 1;
    try {
      return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    } catch (DateTimeException invalid) {
      return null;
    }
  }

  /** The decimal value of {@code count} digits at {@code from}, or -1 when one is not a digit. */
  private static int digits(String text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /** The fast path for strings in the strict form; the jsr310 deserializer for everything else. */
  private abstract static class Fast<T> extends JsonDeserializer<T> {

    private final JsonDeserializer<T> general;

    Fast(JsonDeserializer<T> general) {
      this.general = general;
    }

    abstract T parse(String text);

    @Override
    public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      if (parser.hasToken(JsonToken.VALUE_STRING)) {
        T value = parse(parser.getText().trim());
        if (value != null) {
          return value;
        }
      }
      return general.deserialize(parser, context);
    }
  }
}
