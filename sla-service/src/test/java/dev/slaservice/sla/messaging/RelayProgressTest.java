package dev.slaservice.sla.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class RelayProgressTest {

  @Test
  void consecutiveIdsAreWrittenAsRanges() {
    assertThat(RelayProgress.format(List.of(17L, 18L, 19L, 25L, 20L, 30L, 31L)))
        .isEqualTo("17-20,25,30-31");
    assertThat(RelayProgress.parse("17-20,25,30-31"))
        .containsExactly(17L, 18L, 19L, 20L, 25L, 30L, 31L);
    assertThat(RelayProgress.parse("")).isEmpty();
  }

  @Property
  void parsingWhatWasFormattedGivesTheSameIds(
      @ForAll @Size(max = 600) Set<@LongRange(min = 1, max = 5_000) Long> ids) {
    assertThat(RelayProgress.parse(RelayProgress.format(List.copyOf(ids))))
        .containsExactlyElementsOf(ids.stream().sorted().toList());
  }
}
