package dev.slaservice.sla.domain.policy.definition;

import static dev.slaservice.sla.domain.policy.definition.DefinitionSamples.check;
import static dev.slaservice.sla.domain.policy.definition.DefinitionSamples.gold;
import static dev.slaservice.sla.domain.policy.definition.DefinitionSamples.onlyProblemAt;
import static dev.slaservice.sla.domain.policy.definition.DefinitionSamples.priority;
import static dev.slaservice.sla.domain.policy.definition.DefinitionSamples.terms;
import static dev.slaservice.sla.support.Json.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PlanDefinitionProblemsTest {

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
}
