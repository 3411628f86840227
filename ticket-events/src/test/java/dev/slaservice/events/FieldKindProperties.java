package dev.slaservice.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The hand-written checks of ids and priority names accept exactly what their patterns accepted. */
class FieldKindProperties {

  private static final Pattern ID = Pattern.compile("[\\p{Graph}&&[^\\p{Cntrl}]]{1,128}");
  private static final Pattern PRIORITY = Pattern.compile("[A-Za-z0-9_]{1,64}");

  @Property(tries = 2000)
  void anIdIsAcceptedExactlyWhenThePatternMatches(@ForAll("candidates") String value) {
    assertThat(FieldKind.ID.accepts(value)).as("%s", value).isEqualTo(ID.matcher(value).matches());
  }

  @Property(tries = 2000)
  void aPriorityIsAcceptedExactlyWhenThePatternMatches(@ForAll("candidates") String value) {
    assertThat(FieldKind.PRIORITY.accepts(value)).as("%s", value).isEqualTo(PRIORITY.matcher(value).matches());
  }

  /** Mostly ASCII around both length limits, with spaces, controls, DEL, Latin-1, CJK and emoji mixed in. */
  @Provide
  Arbitrary<String> candidates() {
    Arbitrary<Character> character = Arbitraries.frequencyOf(
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
        Arbitraries.of("", "T-1", "HIGH", "P1", "a b", "x\ty", "😀", "id\u007f", "x".repeat(128), "x".repeat(129),
            "P".repeat(64), "P".repeat(65), "HIGHLY_DEGRADED", "high-1"));
  }

  private static String join(java.util.List<Character> characters) {
    StringBuilder text = new StringBuilder(characters.size());
    characters.forEach(text::append);
    return text.toString();
  }
}
