package dev.slaservice.sla.domain.compensation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slaservice.events.ExclusionReason;
import dev.slaservice.events.Metric;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LineReasonTest {

  private static final Locale SIMPLIFIED = Locale.forLanguageTag("zh-CN");

  @Test
  void aCreditSaysTheShareTheFeeAndTheMissedMetricsInEitherLanguage() {
    LineReason reason =
        new LineReason.PercentOfFee(
            new BigDecimal("5.0"),
            new Money(new BigDecimal("1000.00"), Currency.getInstance("CNY")),
            List.of(Metric.RESPONSE, Metric.RESTORE));

    assertThat(reason.text(Locale.ENGLISH))
        .isEqualTo(
            "5 % of the fee in force at the breach (1000.00 CNY) for missing [RESPONSE, RESTORE]");
    assertThat(reason.text(SIMPLIFIED)).isEqualTo("未达成 [响应, 恢复]，按违约时有效月费（1000.00 CNY）的 5% 补偿");
  }

  @Test
  void everyReasonHasBothLanguagesAndAnyOtherLanguageReadsEnglish() {
    List<LineReason> reasons =
        List.of(
            new LineReason.Excluded(ExclusionReason.FORCE_MAJEURE),
            new LineReason.NoTerms("emq-5x8"),
            new LineReason.CountedAgainstMonth(18, 20),
            new LineReason.NotCounted(ExclusionReason.SCHEDULED_DOWNTIME));

    assertThat(reasons)
        .extracting(r -> r.text(Locale.ENGLISH))
        .containsExactly(
            "excluded (FORCE_MAJEURE): breaches earn no compensation",
                "plan emq-5x8 carries no compensation terms",
            "counted against the month: 18 of 20 tickets met their targets",
                "excluded (SCHEDULED_DOWNTIME): not counted");
    assertThat(reasons)
        .extracting(r -> r.text(SIMPLIFIED))
        .containsExactly(
            "已排除（不可抗力）：违约不获补偿", "套餐 emq-5x8 不含补偿条款", "计入当月：20 张工单中 18 张达成目标", "已排除（计划停机）：不计入");
    assertThat(reasons)
        .allSatisfy(r -> assertThat(r.text(Locale.GERMAN)).isEqualTo(r.text(Locale.ENGLISH)));
  }
}
