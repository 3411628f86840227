package dev.slaservice.sla.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SqlValuesTest {

  @Test
  void aThousandRowsGoInSixStatementsOfTenPossibleShapes() {
    List<Integer> rows = IntStream.range(0, 1000).boxed().toList();
    assertThat(SqlValues.chunks(rows).stream().map(List::size)).containsExactly(512, 256, 128, 64, 32, 8);
  }

  @Property
  void chunksKeepEveryRowInOrderAndArePowersOfTwoUpToTheLimit(@ForAll @IntRange(max = 5000) int count) {
    List<Integer> rows = IntStream.range(0, count).boxed().toList();
    List<List<Integer>> chunks = SqlValues.chunks(rows);
    assertThat(chunks.stream().flatMap(List::stream).toList()).isEqualTo(rows);
    assertThat(chunks).allSatisfy(chunk -> {
      assertThat(Integer.bitCount(chunk.size())).isEqualTo(1);
      assertThat(chunk.size()).isLessThanOrEqualTo(SqlValues.MAX_ROWS);
    });
  }

  @Test
  void rowsNumberTheirParametersAcrossRows() {
    assertThat(SqlValues.rows("(#, cast(# as jsonb))", 2)).isEqualTo("(?1, cast(?2 as jsonb)), (?3, cast(?4 as jsonb))");
  }
}
