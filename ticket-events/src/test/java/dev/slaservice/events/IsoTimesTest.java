package dev.slaservice.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Group;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class IsoTimesTest {

  @Group
  class GivenTimesInTheFormsTheServiceWrites {

    @Property
    void instantsReadAsJavaTimeReadsThem(
        @ForAll @LongRange(min = -62_135_596_800L, max = 253_402_300_799L) long second,
        @ForAll @IntRange(min = 0, max = 999_999_999) int nanos,
        @ForAll @IntRange(min = 0, max = 9) int digits) {
      Instant instant =
          Instant.ofEpochSecond(second, nanos - nanos % (int) Math.pow(10, 9 - digits));
      String text = instant.toString();

      assertThat(EventJson.read('"' + text + '"', Instant.class)).isEqualTo(Instant.parse(text));
      assertThat(IsoTimes.offsetDateTime(text)).as(text).isNotNull();
    }

    @Property
    void offsetTimesKeepTheirOffset(
        @ForAll @LongRange(min = 0, max = 4_102_444_800L) long second,
        @ForAll @IntRange(min = -18 * 4, max = 18 * 4) int quarterHours) {
      ZoneOffset offset = ZoneOffset.ofTotalSeconds(quarterHours * 900);
      OffsetDateTime time = Instant.ofEpochSecond(second).atOffset(offset);
      String text = time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);

      OffsetDateTime read = EventJson.read('"' + text + '"', OffsetDateTime.class);
      assertThat(read).isEqualTo(OffsetDateTime.parse(text));
      assertThat(read.getOffset()).isEqualTo(offset);
    }
  }

  @Group
  class GivenAnyText {

    @Property(tries = 3000)
    void theFastPathAcceptsOnlyWhatJavaTimeAcceptsAndReadsItTheSame(
        @ForAll("almostIsoTimes") String text) {
      OffsetDateTime fast = IsoTimes.offsetDateTime(text);
      if (fast != null) {
        assertThat(fast).isEqualTo(OffsetDateTime.parse(text));
      }
    }

    @Provide
    Arbitrary<String> almostIsoTimes() {
      Arbitrary<String> valid =
          Arbitraries.longs()
              .between(-62_135_596_800L, 253_402_300_799L)
              .map(s -> Instant.ofEpochSecond(s, s % 1000 * 1_000_000).toString());
      return valid.flatMap(
          text ->
              Arbitraries.integers()
                  .between(0, text.length() - 1)
                  .flatMap(
                      at ->
                          Arbitraries.of('0', '9', '3', '-', ':', 'T', 'Z', '.', '+', ' ', 'x')
                              .map(c -> text.substring(0, at) + c + text.substring(at + 1))));
    }
  }

  @Group
  class GivenAnInvalidDate {

    @Example
    void theErrorIsJavaTimesOwn() {
      assertThat(IsoTimes.offsetDateTime("2026-02-30T10:00:00Z")).isNull();
      assertThatThrownBy(() -> OffsetDateTime.parse("2026-02-30T10:00:00Z"))
          .isInstanceOf(DateTimeParseException.class);
      assertThatThrownBy(
              () -> EventJson.mapper().readValue("\"2026-02-30T10:00:00Z\"", Instant.class))
          .isInstanceOf(InvalidFormatException.class);
    }

    @Example
    void aFormTheFastPathDoesNotTakeStillReads() {
      assertThat(IsoTimes.offsetDateTime("2026-11-22T10:00Z")).isNull();
      assertThat(EventJson.read("\"2026-11-22T10:00Z\"", OffsetDateTime.class))
          .isEqualTo(OffsetDateTime.parse("2026-11-22T10:00Z"));
    }
  }
}
