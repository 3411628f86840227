package dev.slaservice.sla.domain.policy.definition;

import static dev.slaservice.sla.domain.policy.definition.DefinitionSamples.CALENDARS;
import static dev.slaservice.sla.domain.policy.definition.DefinitionSamples.GOLD;
import static dev.slaservice.sla.domain.policy.definition.DefinitionSamples.calendar;
import static dev.slaservice.sla.domain.policy.definition.DefinitionSamples.check;
import static dev.slaservice.sla.domain.policy.definition.DefinitionSamples.gold;
import static dev.slaservice.sla.domain.policy.definition.DefinitionSamples.onlyProblemAt;
import static dev.slaservice.sla.domain.policy.definition.DefinitionSamples.priority;
import static dev.slaservice.sla.domain.policy.definition.DefinitionSamples.terms;
import static dev.slaservice.sla.support.Json.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slaservice.events.Metric;
import dev.slaservice.sla.domain.calendar.AlwaysOpenCalendar;
import dev.slaservice.sla.domain.compensation.CreditRule;
import dev.slaservice.sla.domain.policy.BuiltInCatalog;
import dev.slaservice.sla.domain.policy.ClockTerms;
import dev.slaservice.sla.domain.policy.Plan;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PlanDefinitionTest {

  @Nested
  class GivenACompleteDefinition {

    private final CheckedDefinition checked = check(GOLD);

    @Test
    void itIsValidAndReadsEveryPart() {
      assertThat(checked.problems()).isEmpty();
      PlanDefinition definition = checked.definition();
      assertThat(definition.names()).isEqualTo(new LocalizedName("Gold 4 h", "黄金 4 小时"));
      assertThat(definition.priorities())
          .extracting(PriorityDefinition::id)
          .containsExactly("URGENT", "LOW");
      assertThat(definition.priority("URGENT").orElseThrow().targets().get(Metric.RESOLUTION))
          .isEqualTo(new MetricTerms(new Target.ServiceDays(5), "emq-5x8", true));
      assertThat(definition.warningPercents()).containsExactly(25, 50, 90);
      assertThat(definition.compensation())
          .isEqualTo(new CompensationTerms.PercentPerBreachedTicket(new BigDecimal("2.5")));
    }

    @Test
    void whenMadeAPlanServiceDaysCountTheCalendarsServiceHours() {
      Plan plan =
          checked.definition().toPlan("gold", 2, Instant.EPOCH, DefinitionSamples::calendar);
      assertThat(plan.terms("URGENT", Metric.RESOLUTION))
          .contains(new ClockTerms(Metric.RESOLUTION, Duration.ofHours(45), "emq-5x8", true));
      assertThat(plan.terms("URGENT", Metric.RESPONSE))
          .contains(new ClockTerms(Metric.RESPONSE, Duration.ofHours(4), "24x7", false));
      assertThat(plan.terms("LOW", Metric.RESPONSE).orElseThrow().target())
          .isEqualTo(Duration.ofDays(1));
      assertThat(plan.name()).isEqualTo("Gold 4 h");
      assertThat(plan.version()).isEqualTo(2);
      assertThat(plan.credit()).isEqualTo(new CreditRule.PerMissedTicket(new BigDecimal("2.5")));
      assertThat(checked.definition().acceptsTicketsOf("websoft9-standard")).isTrue();
      assertThat(checked.definition().acceptsTicketsOf("emq-5x8")).isFalse();
    }

    @Test
    void writtenOutAndReadAgainItIsTheSame() {
      JsonNode written = PlanDefinitionWriter.write(checked.definition());
      CheckedDefinition again = CheckedDefinition.of(written, CALENDARS::contains);
      assertThat(again.problems()).isEmpty();
      assertThat(again.definition()).isEqualTo(checked.definition());
      assertThat(PlanDefinitionWriter.write(again.definition())).isEqualTo(written);
    }

    @Test
    void theNamesFollowTheLanguage() {
      assertThat(checked.definition().names().in(Locale.SIMPLIFIED_CHINESE)).isEqualTo("黄金 4 小时");
      assertThat(checked.definition().names().in(Locale.ENGLISH)).isEqualTo("Gold 4 h");
    }
  }

  @Nested
  class GivenOnlyWhatIsRequired {

    private final PlanDefinition definition =
        check(
                """
        {"names": {"en": "Basic", "zh": "基础"},
         "priorities": [{"id": "P1", "names": {"en": "P1", "zh": "P1"},
           "targets": {"RESPONSE": {"target": "PT1H", "calendarId": "24x7"},
                       "RESTORE": {"target": "PT8H", "calendarId": "24x7"}}}]}""")
            .definition();

    @Test
    void theDefaultsAreTodaysFixedRules() {
      assertThat(definition.warningPercents()).containsExactly(50, 75);
      assertThat(definition.compensation()).isEqualTo(new CompensationTerms.None());
      assertThat(definition.clockEvents())
          .containsEntry(Metric.RESPONSE, ClockEvents.defaults(Metric.RESPONSE))
          .hasSize(Metric.values().length);
    }

    @Test
    void onlyResponseRunsOnWhileTheTicketWaitsOnTheCustomer() {
      Map<Metric, MetricTerms> targets = definition.priority("P1").orElseThrow().targets();
      assertThat(targets.get(Metric.RESPONSE).pausesWhileWaitingOnCustomer()).isFalse();
      assertThat(targets.get(Metric.RESTORE).pausesWhileWaitingOnCustomer()).isTrue();
    }

    @Test
    void statingTheDefaultEventsIsAccepted() {
      CheckedDefinition stated =
          gold(
              root ->
                  root.putObject("clockEvents")
                      .putObject("RESPONSE")
                      .set(
                          "stop", tree("[\"TicketClosed\", \"WorkStarted\", \"TicketResolved\"]")));
      assertThat(stated.problems()).isEmpty();
    }
  }

  @Nested
  class GivenTheBuiltInCalendars {
    @Test
    void aServiceDayIsTheLongestDaysServiceHours() {
      assertThat(calendar("emq-5x8").orElseThrow().serviceDay()).isEqualTo(Duration.ofHours(9));
      assertThat(calendar("24x7").orElseThrow().serviceDay()).isEqualTo(Duration.ofHours(24));
      assertThat(calendar(BuiltInCatalog.ORANGESKY_24X5).orElseThrow().serviceDay())
          .isEqualTo(Duration.ofHours(24));
    }

    @Test
    void theRequiredFieldsOfTermsAreNamed() {
      assertThat(gold(root -> terms(root, 0, "RESPONSE").remove("calendarId")).problems())
          .containsExactly(
              new DefinitionProblem("$.priorities[0].targets.RESPONSE.calendarId", "is required"));
    }
  }

  @Nested
  class GivenReplyMetrics {

    private static final String REPLIES =
        """
        {"names": {"en": "Replies", "zh": "回复"},
         "priorities": [{"id": "URGENT", "names": {"en": "Urgent", "zh": "紧急"},
           "targets": {"NEXT_REPLY": {"target": "PT2H", "calendarId": "24x7"},
                       "PERIODIC_UPDATE": {"serviceDays": 1, "calendarId": "emq-5x8",
                                           "pausesWhileWaitingOnCustomer": false}}}]}""";

    @Test
    void whenAPriorityGivesTargetsForThemThenTheyAreReadAndMadeClocks() {
      CheckedDefinition checked = check(REPLIES);
      assertThat(checked.problems()).isEmpty();
      Plan plan =
          checked.definition().toPlan("replies", 1, Instant.EPOCH, DefinitionSamples::calendar);
      assertThat(plan.terms("URGENT", Metric.NEXT_REPLY))
          .contains(
              new ClockTerms(Metric.NEXT_REPLY, Duration.ofHours(2), AlwaysOpenCalendar.ID, true));
      assertThat(plan.terms("URGENT", Metric.PERIODIC_UPDATE))
          .contains(
              new ClockTerms(
                  Metric.PERIODIC_UPDATE, Duration.ofHours(9), BuiltInCatalog.EMQ_5X8, false));
      assertThat(checked.definition().clockEvents().get(Metric.PERIODIC_UPDATE).stop())
          .containsExactly("AgentReplied", "TicketResolved", "TicketClosed");
    }

    @Test
    void whenTheirTargetsAreWrongThenTheProblemsNameTheirPaths() {
      ObjectNode root = (ObjectNode) tree(REPLIES);
      ObjectNode targets = (ObjectNode) priority(root, 0).get("targets");
      ((ObjectNode) targets.get("NEXT_REPLY")).put("target", "-PT1H");
      ((ObjectNode) targets.get("PERIODIC_UPDATE")).put("calendarId", "nowhere");
      assertThat(CheckedDefinition.of(root, CALENDARS::contains).problems())
          .extracting(DefinitionProblem::path)
          .containsExactlyInAnyOrder(
              "$.priorities[0].targets.NEXT_REPLY.target",
              "$.priorities[0].targets.PERIODIC_UPDATE.calendarId");
    }

    @Test
    void whenAMetricIsMisspeltThenTheKnownOnesAreListed() {
      ObjectNode root = (ObjectNode) tree(REPLIES);
      ObjectNode targets = (ObjectNode) priority(root, 0).get("targets");
      targets.set("NEXT_RESPONSE", targets.remove("NEXT_REPLY"));
      onlyProblemAt(
              CheckedDefinition.of(root, CALENDARS::contains).problems(),
              "$.priorities[0].targets.NEXT_RESPONSE")
          .contains("NEXT_REPLY", "PERIODIC_UPDATE");
    }
  }
}
