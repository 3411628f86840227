package dev.slaservice.sla.domain.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slaservice.events.Metric;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ComplianceReportTest {

  private static final GroupTallies GOLD =
      new GroupTallies(
          "gold",
          "P1",
          null,
          YearMonth.of(2026, 11),
          10,
          List.of(
              new MetricTally(
                  Metric.RESPONSE, 10, 7, 2, 1, Duration.ofMinutes(20), Duration.ofMinutes(50)),
              new MetricTally(
                  Metric.RESOLUTION, 10, 3, 0, 7, Duration.ofHours(20), Duration.ofHours(30)),
              new MetricTally(Metric.NEXT_REPLY, 0, 0, 0, 0, null, null)));

  @Nested
  class GivenAGroupWithTwoMeasuredMetrics {

    @Test
    void whenGroupedByMetricThenEachMeasuredMetricIsALineOfItsOwn() {
      List<ComplianceRow> rows =
          ComplianceReport.rows(
              List.of(GOLD), EnumSet.of(ReportDimension.PLAN, ReportDimension.METRIC));

      assertThat(rows)
          .extracting(ComplianceRow::metric)
          .containsExactly(Metric.RESPONSE, Metric.RESOLUTION);
      ComplianceRow response = rows.get(0);
      assertThat(response.planId()).isEqualTo("gold");
      assertThat(response.tickets()).isEqualTo(10);
      assertThat(response.met()).isEqualTo(7);
      assertThat(response.breached()).isEqualTo(2);
      assertThat(response.running()).isEqualTo(1);
      assertThat(response.compliancePercent()).isEqualByComparingTo("77.78");
      assertThat(response.medianTimeToMeet()).isEqualTo(Duration.ofMinutes(20));
      assertThat(response.p90TimeToMeet()).isEqualTo(Duration.ofMinutes(50));
      assertThat(rows.get(1).compliancePercent()).isEqualByComparingTo("100.00");
    }

    @Test
    void whenNotGroupedByMetricThenTheClocksAddUpAndNoTimeToMeetIsGiven() {
      List<ComplianceRow> rows =
          ComplianceReport.rows(List.of(GOLD), EnumSet.of(ReportDimension.PLAN));

      assertThat(rows)
          .singleElement()
          .satisfies(
              row -> {
                assertThat(row.metric()).isNull();
                assertThat(row.tickets()).isEqualTo(10);
                assertThat(row.met()).isEqualTo(10);
                assertThat(row.breached()).isEqualTo(2);
                assertThat(row.running()).isEqualTo(8);
                assertThat(row.compliancePercent()).isEqualByComparingTo(new BigDecimal("83.33"));
                assertThat(row.medianTimeToMeet()).isNull();
                assertThat(row.p90TimeToMeet()).isNull();
              });
    }
  }

  @Nested
  class GivenNoDecidedClock {

    @Test
    void thenTheComplianceIsUnknownRatherThanZeroOrFull() {
      ComplianceRow running =
          new ComplianceRow("gold", null, Metric.RESPONSE, null, null, 3, 0, 0, 3, null, null);
      assertThat(running.compliancePercent()).isNull();
    }
  }

  @Test
  void dimensionsAreNamedByTheirLowerCaseKey() {
    assertThat(ReportDimension.ofKey("customer")).contains(ReportDimension.CUSTOMER);
    assertThat(ReportDimension.ofKey("CUSTOMER")).isEmpty();
    assertThat(ReportDimension.MONTH.key()).isEqualTo("month");
  }
}
