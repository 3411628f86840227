package dev.slaservice.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The hand-written checks of ids and priority names accept exactly what their patterns accepted,
 * and instants exactly what java.time's parser accepts.
 */
class FieldKindProperties {

  private static final Pattern ID = Pattern.compile("[\\p{Graph}&&[^\\p{Cntrl}]]{1,128}");
  private static final Pattern PRIORITY = Pattern.compile("[A-Za-z0-9_]{1,64}");

  @Property(tries = 2000)
  void anIdIsAcceptedExactlyWhenThePatternMatches(@ForAll("candidates") String value) {
    assertThat(FieldKind.ID.accepts(value)).as("%s", value).isEqualTo(ID.matcher(value).matches());
  }

  @Property(tries = 2000)
  void aPriorityIsAcceptedExactlyWhenThePatternMatches(@ForAll("candidates") String value) {
    assertThat(FieldKind.PRIORITY.accepts(value))
        .as("%s", value)
        .isEqualTo(PRIORITY.matcher(value).matches());
  }

  @Property(tries = 3000)
  void anInstantIsAcceptedExactlyWhenJavaTimeReadsAYearInRange(
      @ForAll("nearlyInstants") String value) {
    assertThat(FieldKind.INSTANT.accepts(value)).as("%s", value).isEqualTo(javaTimeAccepts(value));
  }

  private static boolean javaTimeAccepts(String value) {
    try {
      int year = OffsetDateTime.parse(value).getYear();
      return year >= 1970 && year <= 2999;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /**
   * Date-times around the accepted years' edges with every offset form, fractions of 0 to 10
   * digits, impossible dates and times, and single characters replaced.
   */
  @Provide
  Arbitrary<String> nearlyInstants() {
    Arbitrary<String> year =
        Arbitraries.oneOf(
                Arbitraries.integers().between(1968, 1972),
                Arbitraries.integers().between(2024, 2030),
                Arbitraries.integers().between(2997, 3001))
            .map(y -> String.format("%04d", y));
    Arbitrary<String> twoDigits =
        Arbitraries.integers().between(0, 61).map(n -> String.format("%02d", n));
    Arbitrary<String> fraction =
        Arbitraries.integers()
            .between(0, 10)
            .map(digits -> digits == 0 ? "" : "." + "1234567890".substring(0, digits));
    Arbitrary<String> offset =
        Arbitraries.of(
            "Z",
            "z",
            "+00:00",
            "-00:00",
            "+08:00",
            "-05:30",
            "+18:00",
            "-18:00",
            "+18:01",
            "+19:00",
            "+05:60",
            "+0800",
            "+08",
            "+08:00:30",
            "",
            "[UTC]",
            "+08:00[Asia/Shanghai]");
    Arbitrary<String> text =
        Combinators.combine(
                List.of(
                    year, twoDigits, twoDigits, twoDigits, twoDigits, twoDigits, fraction, offset))
            .as(
                p ->
                    p.get(0) + "-" + p.get(1) + "-" + p.get(2) + "T" + p.get(3) + ":" + p.get(4)
                        + ":" + p.get(5) + p.get(6) + p.get(7));
    return Arbitraries.oneOf(
        text,
        text.flatMap(
            t ->
                Arbitraries.integers()
                    .between(0, t.length() - 1)
                    .flatMap(
                        at ->
                            Arbitraries.of('0', '2', '9', '-', ':', 'T', 'Z', '.', '+', ' ')
                                .map(c -> t.substring(0, at) + c + t.substring(at + 1)))));
  }

  /**
   * Mostly ASCII around both length limits, with spaces, controls, DEL, Latin-1, CJK and emoji
   * mixed in.
   */
  @Provide
  Arbitrary<String> candidates() {
    Arbitrary<Character> character =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(20, Arbitraries.chars().range('!', '~')),
            net.jqwik.api.Tuple.of(10, Arbitraries.chars().alpha().numeric().with('_')),
            net.jqwik.api.Tuple.of(1, Arbitraries.chars().range('\u0000', ' ')),
            net.jqwik.api.Tuple.of(1, Arbitraries.chars().range('\u007f', '\u00ff')),
            net.jqwik.api.Tuple.of(1, Arbitraries.chars().range('\u4e00', '\u4e10')),
            net.jqwik.api.Tuple.of(1, Arbitraries.chars().range('\ud83d', '\ud83d')),
            net.jqwik.api.Tuple.of(1, Arbitraries.chars().range('\ude00', '\ude4f')));
    return Arbitraries.oneOf(
        character.list().ofMinSize(0).ofMaxSize(140).map(FieldKindProperties::join),
        character.list().ofMinSize(60).ofMaxSize(70).map(FieldKindProperties::join),
        character.list().ofMinSize(125).ofMaxSize(132).map(FieldKindProperties::join),
        Arbitraries.of(
            "",
            "T-1",
            "HIGH",
            "P1",
            "a b",
            "x\ty",
            "😀",
            "id\u007f",
            "x".repeat(128),
            "x".repeat(129),
            "P".repeat(64),
            "P".repeat(65),
            "HIGHLY_DEGRADED",
            "high-1"));
  }

  private static String join(List<Character> characters) {
    StringBuilder text = new StringBuilder(characters.size());
    characters.forEach(text::append);
    return text.toString();
  }
}
