package dev.slaservice.sla.domain.policy.definition;

import static dev.slaservice.sla.support.Json.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slaservice.events.Metric;
import dev.slaservice.sla.domain.calendar.AlwaysOpenCalendar;
import dev.slaservice.sla.domain.calendar.BusinessCalendar;
import dev.slaservice.sla.domain.compensation.CreditRule;
import dev.slaservice.sla.domain.policy.BuiltInCatalog;
import dev.slaservice.sla.domain.policy.ClockTerms;
import dev.slaservice.sla.domain.policy.Plan;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PlanDefinitionTest {

  private static final Set<String> CALENDARS =
      Set.of(AlwaysOpenCalendar.ID, BuiltInCatalog.EMQ_5X8);

  /**
   * A complete definition: two priorities, a service-day target on the 5x8 calendar, percent
   * compensation.
   */
  private static final String GOLD =
      """
      {"names": {"en": "Gold 4 h", "zh": "黄金 4 小时"},
       "priorities": [
         {"id": "URGENT", "names": {"en": "Urgent", "zh": "紧急"},
          "targets": {"RESPONSE": {"target": "PT4H", "calendarId": "24x7"},
                      "RESOLUTION": {"serviceDays": 5, "calendarId": "emq-5x8",
                                     "pausesWhileWaitingOnCustomer": true}}},
         {"id": "LOW", "names": {"en": "Low", "zh": "低"},
          "targets": {"RESPONSE": {"target": "P1D", "calendarId": "emq-5x8"}}}],
       "warningPercents": [25, 50, 90],
       "compensation": {"kind": "PERCENT_PER_BREACHED_TICKET", "percentOfMonthlyFee": 2.5,
                        "cap": "MONTHLY_FEE"},
       "allowsPerTicketUpgradeFrom": ["websoft9-standard"]}""";

  private static CheckedDefinition check(String json) {
    return CheckedDefinition.of(json, CALENDARS::contains);
  }

  /** GOLD with one change made to its tree. */
  private static CheckedDefinition gold(Consumer<ObjectNode> change) {
    ObjectNode root = (ObjectNode) tree(GOLD);
    change.accept(root);
    return CheckedDefinition.of(root, CALENDARS::contains);
  }

  /** Asserts that the only problem is at {@code path}; returns an assertion on its message. */
  private static AbstractStringAssert<?> onlyProblemAt(
      List<DefinitionProblem> problems, String path) {
    assertThat(problems).singleElement().extracting(DefinitionProblem::path).isEqualTo(path);
    return assertThat(problems.get(0).message());
  }

  private static ObjectNode priority(ObjectNode root, int index) {
    return (ObjectNode) root.get("priorities").get(index);
  }

  private static ObjectNode terms(ObjectNode root, int index, String metric) {
    return (ObjectNode) priority(root, index).get("targets").get(metric);
  }

  private static Optional<BusinessCalendar> calendar(String id) {
    return new BuiltInCatalog().calendar(id).map(v -> v.calendar());
  }

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
          checked.definition().toPlan("gold", 2, Instant.EPOCH, PlanDefinitionTest::calendar);
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
  class WhenTheDefinitionIsWrong {

    @Test
    void notJsonIsOneProblemAtTheRoot() {
      assertThat(check("{\"names\":").problems())
          .singleElement()
          .satisfies(p -> assertThat(p.path()).isEqualTo("$"));
      assertThat(check("[]").problems())
          .containsExactly(new DefinitionProblem("$", "must be a JSON object"));
    }

    @Test
    void anUnknownCalendarIsNamed() {
      CheckedDefinition checked =
          gold(root -> terms(root, 1, "RESPONSE").put("calendarId", "gold-hours"));
      assertThat(checked.valid()).isFalse();
      assertThat(checked.definition()).isNull();
      onlyProblemAt(checked.problems(), "$.priorities[1].targets.RESPONSE.calendarId")
          .contains("unknown calendar gold-hours");
    }

    @Test
    void aPriorityWithoutTargets() {
      assertThat(gold(root -> priority(root, 0).putObject("targets")).problems())
          .extracting(DefinitionProblem::path)
          .containsExactly("$.priorities[0].targets");
      assertThat(gold(root -> priority(root, 0).remove("targets")).problems())
          .containsExactly(new DefinitionProblem("$.priorities[0].targets", "is required"));
    }

    @Test
    void aPlanWithoutPriorities() {
      assertThat(gold(root -> root.putArray("priorities")).problems())
          .containsExactly(
              new DefinitionProblem("$.priorities", "a plan needs at least one priority"));
    }

    @Test
    void negativeZeroAndAbsurdTargets() {
      assertThat(gold(root -> terms(root, 0, "RESPONSE").put("target", "-PT4H")).problems())
          .extracting(DefinitionProblem::path, DefinitionProblem::message)
          .containsExactly(
              tuple("$.priorities[0].targets.RESPONSE.target", "must be positive, not PT-4H"));
      assertThat(gold(root -> terms(root, 0, "RESPONSE").put("target", "PT0S")).problems())
          .extracting(DefinitionProblem::path)
          .containsExactly("$.priorities[0].targets.RESPONSE.target");
      assertThat(gold(root -> terms(root, 0, "RESPONSE").put("target", "P3651D")).problems())
          .singleElement()
          .satisfies(p -> assertThat(p.message()).contains("longer than ten years"));
      assertThat(gold(root -> terms(root, 0, "RESOLUTION").put("serviceDays", 0)).problems())
          .extracting(DefinitionProblem::path)
          .containsExactly("$.priorities[0].targets.RESOLUTION.serviceDays");
      assertThat(gold(root -> terms(root, 0, "RESOLUTION").put("serviceDays", 3651)).problems())
          .hasSize(1);
    }

    @Test
    void aTargetThatIsNoDuration() {
      onlyProblemAt(
              gold(root -> terms(root, 0, "RESPONSE").put("target", "4 hours")).problems(),
              "$.priorities[0].targets.RESPONSE.target")
          .contains("'4 hours' is not an ISO-8601 duration");
      assertThat(gold(root -> terms(root, 0, "RESPONSE").put("target", 4)).problems())
          .extracting(DefinitionProblem::path)
          .containsExactly("$.priorities[0].targets.RESPONSE.target");
      assertThat(gold(root -> terms(root, 0, "RESOLUTION").put("serviceDays", 1.5)).problems())
          .extracting(DefinitionProblem::path)
          .containsExactly("$.priorities[0].targets.RESOLUTION.serviceDays");
    }

    @Test
    void bothOrNeitherTargetNorServiceDays() {
      assertThat(gold(root -> terms(root, 0, "RESPONSE").put("serviceDays", 2)).problems())
          .singleElement()
          .satisfies(p -> assertThat(p.message()).endsWith("not both"));
      onlyProblemAt(
              gold(root -> terms(root, 0, "RESPONSE").remove("target")).problems(),
              "$.priorities[0].targets.RESPONSE")
          .endsWith("not neither");
    }

    @Test
    void warningSharesOutsideOneToNinetyNineOrNotRising() {
      assertThat(gold(root -> root.set("warningPercents", tree("[0, 50, 100]"))).problems())
          .extracting(DefinitionProblem::path)
          .containsExactly("$.warningPercents[0]", "$.warningPercents[2]");
      assertThat(gold(root -> root.set("warningPercents", tree("[50, 50]"))).problems())
          .extracting(DefinitionProblem::message)
          .containsExactly("warning shares must rise: 50 after 50");
      assertThat(gold(root -> root.set("warningPercents", tree("[\"half\"]"))).problems())
          .extracting(DefinitionProblem::path)
          .containsExactly("$.warningPercents[0]");
      assertThat(gold(root -> root.set("warningPercents", tree("[]"))).problems()).isEmpty();
    }

    @Test
    void upgradesFromWhatIsNoPlanIdOrNamedTwice() {
      assertThat(
              gold(root ->
                      root.set(
                          "allowsPerTicketUpgradeFrom", tree("[\"gold\", 7, \"a b\", \"gold\"]")))
                  .problems())
          .extracting(DefinitionProblem::path)
          .containsExactly(
              "$.allowsPerTicketUpgradeFrom[1]",
              "$.allowsPerTicketUpgradeFrom[2]",
              "$.allowsPerTicketUpgradeFrom[3]");
      assertThat(gold(root -> root.put("allowsPerTicketUpgradeFrom", "gold")).problems())
          .extracting(DefinitionProblem::path)
          .containsExactly("$.allowsPerTicketUpgradeFrom");
      assertThat(
              gold(root -> root.remove("allowsPerTicketUpgradeFrom"))
                  .definition()
                  .allowsPerTicketUpgradeFrom())
          .isEmpty();
    }

    @Test
    void missingAndBlankNamesInEitherLanguage() {
      assertThat(gold(root -> ((ObjectNode) root.get("names")).remove("zh")).problems())
          .containsExactly(new DefinitionProblem("$.names.zh", "is required"));
      assertThat(
              gold(root -> ((ObjectNode) priority(root, 1).get("names")).put("en", " ")).problems())
          .extracting(DefinitionProblem::path)
          .containsExactly("$.priorities[1].names.en");
      assertThat(gold(root -> root.remove("names")).problems())
          .containsExactly(new DefinitionProblem("$.names", "is required"));
    }

    @Test
    void badOrRepeatedPriorityIds() {
      assertThat(gold(root -> priority(root, 1).put("id", "URGENT")).problems())
          .containsExactly(
              new DefinitionProblem("$.priorities[1].id", "priority URGENT is defined twice"));
      assertThat(gold(root -> priority(root, 1).put("id", "very low")).problems())
          .extracting(DefinitionProblem::path)
          .containsExactly("$.priorities[1].id");
    }

    @Test
    void unknownFieldsAndMetricsAreNamed() {
      assertThat(gold(root -> root.put("colour", "gold")).problems())
          .extracting(DefinitionProblem::path)
          .containsExactly("$.colour");
      assertThat(
              gold(root ->
                      ((ObjectNode) priority(root, 0).get("targets"))
                          .putObject("FIRST_REPLY")
                          .put("target", "PT1H")
                          .put("calendarId", "24x7"))
                  .problems())
          .extracting(DefinitionProblem::path)
          .containsExactly("$.priorities[0].targets.FIRST_REPLY");
      assertThat(
              gold(root -> terms(root, 0, "RESPONSE").put("pausesWhileWaitingOnCustomer", "yes"))
                  .problems())
          .extracting(DefinitionProblem::path)
          .containsExactly("$.priorities[0].targets.RESPONSE.pausesWhileWaitingOnCustomer");
    }

    @Test
    void compensationOfAnUnknownKindOrAnImpossibleShare() {
      assertThat(
              gold(root -> ((ObjectNode) root.get("compensation")).put("kind", "VOUCHER"))
                  .problems())
          .extracting(DefinitionProblem::path)
          .containsExactly("$.compensation.kind");
      assertThat(
              gold(root -> ((ObjectNode) root.get("compensation")).put("percentOfMonthlyFee", 0))
                  .problems())
          .extracting(DefinitionProblem::path)
          .containsExactly("$.compensation.percentOfMonthlyFee");
      assertThat(
              gold(root -> ((ObjectNode) root.get("compensation")).put("percentOfMonthlyFee", 101))
                  .problems())
          .hasSize(1);
      assertThat(
              gold(root -> ((ObjectNode) root.get("compensation")).put("cap", "NONE")).problems())
          .extracting(DefinitionProblem::path)
          .containsExactly("$.compensation.cap");
      assertThat(gold(root -> root.set("compensation", tree("{\"kind\": \"NONE\"}"))).problems())
          .isEmpty();
    }

    @Test
    void noCompensationWithAPercentOrACapIsRefusedNotDropped() {
      assertThat(
              gold(root -> ((ObjectNode) root.get("compensation")).put("kind", "NONE")).problems())
          .extracting(DefinitionProblem::path)
          .containsExactlyInAnyOrder("$.compensation.percentOfMonthlyFee", "$.compensation.cap");
    }

    @Test
    void aNameWithALoneSurrogateIsRefusedForUtf8CannotStoreIt() {
      // half an emoji: the store keeps UTF-8, which has no form for it and would keep a '?' instead
      assertThat(gold(root -> ((ObjectNode) root.get("names")).put("zh", "黄金 \uD83E")).problems())
          .extracting(DefinitionProblem::path)
          .containsExactly("$.names.zh");
      assertThat(
              gold(root -> ((ObjectNode) root.get("names")).put("zh", "黄金 \uD83E\uDD47"))
                  .problems())
          .isEmpty();
    }

    @Test
    void clockEventsTheEngineCannotHonourAreRefusedWithWhatItSupports() {
      CheckedDefinition other =
          gold(
              root ->
                  root.putObject("clockEvents")
                      .putObject("RESPONSE")
                      .set("stop", tree("[\"ServiceRestored\"]")));
      onlyProblemAt(other.problems(), "$.clockEvents.RESPONSE.stop")
          .contains("supports only [WorkStarted, TicketResolved, TicketClosed]");
      assertThat(
              gold(root ->
                      root.putObject("clockEvents")
                          .putObject("RESTORE")
                          .set("pause", tree("[\"Lunch\"]")))
                  .problems())
          .containsExactly(
              new DefinitionProblem(
                  "$.clockEvents.RESTORE.pause", "unknown event type(s) [Lunch]"));
    }

    @Test
    void everyProblemOfTheWholeDefinitionIsReportedAtOnce() {
      CheckedDefinition checked =
          gold(
              root -> {
                ((ObjectNode) root.get("names")).remove("en");
                terms(root, 0, "RESPONSE").put("target", "-PT1H");
                terms(root, 1, "RESPONSE").put("calendarId", "nowhere");
                ((ArrayNode) root.get("warningPercents")).add(120);
                priority(root, 1).put("id", "URGENT");
              });
      assertThat(checked.problems())
          .extracting(DefinitionProblem::path)
          .containsExactlyInAnyOrder(
              "$.names.en",
              "$.priorities[0].targets.RESPONSE.target",
              "$.priorities[1].targets.RESPONSE.calendarId",
              "$.warningPercents[3]",
              "$.priorities[1].id");
    }

    @Test
    void aBrokenPartIsReportedOnceNotAgainByTheValidator() {
      assertThat(gold(root -> priority(root, 0).put("targets", "fast")).problems())
          .containsExactly(
              new DefinitionProblem("$.priorities[0].targets", "must be a JSON object"));
      assertThat(gold(root -> root.put("priorities", 3)).problems())
          .containsExactly(new DefinitionProblem("$.priorities", "must be a JSON array"));
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
          checked.definition().toPlan("replies", 1, Instant.EPOCH, PlanDefinitionTest::calendar);
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
