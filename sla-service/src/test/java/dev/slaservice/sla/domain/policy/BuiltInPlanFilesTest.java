package dev.slaservice.sla.domain.policy;

import static dev.slaservice.events.Metric.RESOLUTION;
import static dev.slaservice.events.Metric.RESPONSE;
import static dev.slaservice.events.Metric.RESTORE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slaservice.events.Metric;
import dev.slaservice.sla.domain.compensation.CreditRule;
import dev.slaservice.sla.domain.policy.definition.LocalizedName;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The plan files shipped with the service give exactly the plans the service had in code before.
 */
class BuiltInPlanFilesTest {

  private static final String ALWAYS = "24x7";
  private static final String FIVE_BY_EIGHT = "emq-5x8";
  private static final String TWENTY_FOUR_BY_FIVE = "orangesky-24x5";

  private final BuiltInCatalog catalog = new BuiltInCatalog();

  @Nested
  class GivenTheShippedFiles {

    @Test
    void theyAreTheSixVendorPlansInTheirOrder() {
      assertThat(catalog.plans())
          .extracting(Plan::id)
          .containsExactlyElementsOf(codedPlans().stream().map(Plan::id).toList());
    }

    @Test
    void eachEqualsThePlanAsItWasWrittenInCode() {
      assertThat(catalog.plans()).containsExactlyElementsOf(codedPlans());
    }

    @Test
    void eachCarriesItsChineseNameAndPriorityNames() {
      assertThat(catalog.definition("websoft9-premium").orElseThrow().names())
          .isEqualTo(new LocalizedName("Websoft9 Premium Support", "Websoft9 尊享支持"));
      assertThat(
              catalog
                  .definition("orangesky")
                  .orElseThrow()
                  .priority("HIGHLY_DEGRADED")
                  .orElseThrow()
                  .names())
          .isEqualTo(new LocalizedName("Highly degraded", "严重降级"));
    }

    @Test
    void emqFixTargetsInServiceDaysBecomeHoursOfTheirCalendar() {
      assertThat(
              catalog.plan("emq-5x8").orElseThrow().terms("P1", RESOLUTION).orElseThrow().target())
          .isEqualTo(Duration.ofHours(450));
      assertThat(
              catalog.plan("emq-7x24").orElseThrow().terms("P3", RESOLUTION).orElseThrow().target())
          .isEqualTo(Duration.ofDays(60));
    }
  }

  /** The plans as BuiltInCatalog built them in Java before they became data files. */
  private static List<Plan> codedPlans() {
    return List.of(
        websoft9("websoft9-standard", "Websoft9 Standard Support", hours(12), hours(3)),
        websoft9(
            "websoft9-advanced", "Websoft9 Advanced Support", hours(6), Duration.ofMinutes(30)),
        websoft9("websoft9-premium", "Websoft9 Premium Support", hours(2), Duration.ofMinutes(10)),
        emq(
            "emq-5x8",
            "EMQ 5x8 support",
            clocks(FIVE_BY_EIGHT, hours(2), hours(8), hours(9 * 50)),
            clocks(FIVE_BY_EIGHT, hours(4), hours(72), hours(9 * 100)),
            clocks(FIVE_BY_EIGHT, hours(24), null, hours(9 * 150)),
            clocks(FIVE_BY_EIGHT, hours(48), null, null)),
        emq(
            "emq-7x24",
            "EMQ 7x24 support",
            clocks(ALWAYS, hours(1), hours(8), hours(24 * 15)),
            clocks(ALWAYS, hours(2), hours(48), hours(24 * 30)),
            clocks(ALWAYS, hours(24), hours(120), hours(24 * 60)),
            clocks(ALWAYS, hours(48), null, null)),
        plan(
            "orangesky",
            "Orangesky support",
            Map.of(
                "EMERGENCY", clocks(ALWAYS, Duration.ofMinutes(30), null, null),
                "HIGHLY_DEGRADED", clocks(TWENTY_FOUR_BY_FIVE, hours(4), null, null),
                "MEDIUM", clocks(TWENTY_FOUR_BY_FIVE, hours(8), null, null),
                "LOW", clocks(TWENTY_FOUR_BY_FIVE, hours(24), null, null)),
            List.of("EMERGENCY", "HIGHLY_DEGRADED", "MEDIUM", "LOW")));
  }

  private static Plan websoft9(String id, String name, Duration normal, Duration high) {
    Map<String, Map<Metric, ClockTerms>> priorities = new LinkedHashMap<>();
    priorities.put("NORMAL", clocks(ALWAYS, normal, null, null));
    priorities.put("HIGH", clocks(ALWAYS, high, null, null));
    return new Plan(
        id,
        1,
        Instant.EPOCH,
        name,
        priorities,
        List.of(50, 75),
        new CreditRule.PerMissedTicket(BigDecimal.valueOf(5)));
  }

  /** An EMQ plan: its clocks for P1 to P4, in that order. */
  @SafeVarargs
  private static Plan emq(String id, String name, Map<Metric, ClockTerms>... p1ToP4) {
    List<String> order = List.of("P1", "P2", "P3", "P4");
    Map<String, Map<Metric, ClockTerms>> clocks = new LinkedHashMap<>();
    for (int i = 0; i < order.size(); i++) {
      clocks.put(order.get(i), p1ToP4[i]);
    }
    return plan(id, name, clocks, order);
  }

  private static Plan plan(
      String id, String name, Map<String, Map<Metric, ClockTerms>> clocks, List<String> order) {
    Map<String, Map<Metric, ClockTerms>> priorities = new LinkedHashMap<>();
    order.forEach(priority -> priorities.put(priority, clocks.get(priority)));
    return new Plan(id, 1, Instant.EPOCH, name, priorities, List.of(50, 75));
  }

  private static Map<Metric, ClockTerms> clocks(
      String calendarId, Duration response, Duration restore, Duration resolution) {
    Map<Metric, ClockTerms> clocks = new EnumMap<>(Metric.class);
    clocks.put(RESPONSE, new ClockTerms(RESPONSE, response, calendarId, false));
    if (restore != null) {
      clocks.put(RESTORE, new ClockTerms(RESTORE, restore, calendarId, true));
    }
    if (resolution != null) {
      clocks.put(RESOLUTION, new ClockTerms(RESOLUTION, resolution, calendarId, true));
    }
    return clocks;
  }

  private static Duration hours(long hours) {
    return Duration.ofHours(hours);
  }
}
