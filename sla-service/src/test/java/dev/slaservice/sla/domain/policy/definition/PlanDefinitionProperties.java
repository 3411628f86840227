package dev.slaservice.sla.domain.policy.definition;

import static dev.slaservice.sla.support.Json.text;
import static dev.slaservice.sla.support.Json.tree;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slaservice.sla.domain.policy.definition.BrokenBodies.Broken;
import dev.slaservice.sla.domain.policy.definition.PlanBodies.Put;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * PUT /plans/{planId} and then GET /plans/{planId}?version= over random definitions, along the path
 * the service takes: PlansResource takes {@code effectiveFrom} out of the body, {@link
 * CheckedDefinition} reads and checks the rest against the calendars the catalog knows (built in or
 * made with PUT /calendars), PlanStore keeps {@link PlanDefinitionWriter}'s JSON as UTF-8 text (a
 * jsonb column) and reads it back through {@link CheckedDefinition}, and the view serves {@link
 * PlanDefinitionWriter}'s JSON.
 *
 * <p>What the service normalises, and so what the comparison allows, nothing else:
 *
 * <ul>
 *   <li>every default spelled out (openapi.yaml): warningPercents [50, 75], compensation NONE, the
 *       cap MONTHLY_FEE, allowsPerTicketUpgradeFrom [], pausesWhileWaitingOnCustomer (false for
 *       RESPONSE, true for the other metrics) and the start, stop, pause and resume events of every
 *       metric;
 *   <li>a target in java.time's form of its duration: P1D comes back PT24H, PT90M as PT1H30M, pt4h
 *       as PT4H;
 *   <li>{@code effectiveFrom} leaves the definition: it says when the version applies (shown beside
 *       it);
 *   <li>a number is its value: jsonb keeps percentOfMonthlyFee as a numeric, so 1E+1 may come back
 *       10.
 * </ul>
 *
 * What is served is a fixed point: a PUT of a GET serves the very same JSON.
 */
class PlanDefinitionProperties {

  /** A JSON path as the problems give it: $, then .field or [index] steps. */
  private static final Pattern PATH = Pattern.compile("\\$((\\.[^.\\[\\]]+)|(\\[\\d+]))*");

  private static final Pattern STEP = Pattern.compile("\\.([^.\\[\\]]+)|\\[(\\d+)]");

  @Property(tries = 300)
  void aValidDefinitionIsAcceptedAndServedBackAsItWasSent(@ForAll("validPuts") Put put) {
    CheckedDefinition checked = put(put.body(), put.calendars());

    assertThat(checked.problems()).as(put.body()).isEmpty();
    JsonNode served = storedAndServed(checked.definition());
    assertThat(sameValues(served, put.served()))
        .as("sent %s%nserved   %s%nexpected %s", put.body(), served, put.served())
        .isTrue();
  }

  @Property(tries = 200)
  void whatIsServedIsServedAgainWhenItIsPut(@ForAll("validPuts") Put put) {
    JsonNode served = storedAndServed(put(put.body(), put.calendars()).definition());

    CheckedDefinition again = put(text(served), put.calendars());

    assertThat(again.problems()).isEmpty();
    JsonNode servedAgain = storedAndServed(again.definition());
    assertThat(servedAgain.equals(served)).as("served %s%nagain  %s", served, servedAgain).isTrue();
  }

  @Provide
  Arbitrary<Put> validPuts() {
    return PlanBodies.validPuts();
  }

  @Property(tries = 500)
  void aRefusedDefinitionIsRefusedWithThePathOfWhatIsWrong(@ForAll("brokenPuts") Broken broken) {
    CheckedDefinition checked = put(broken.body(), broken.calendars());
    Statistics.collect(broken.what());

    assertThat(checked.valid()).as("%s is refused: %s", broken.what(), broken.body()).isFalse();
    assertThat(checked.definition()).isNull();
    JsonNode body = tree(broken.body());
    assertThat(checked.problems())
        .as(broken.what())
        .allSatisfy(
            problem -> {
              assertThat(problem.path()).matches(PATH);
              assertThat(problem.message()).isNotBlank();
              assertThat(placeOrParentExists(body, problem.path()))
                  .as("%s is in the body", problem.path())
                  .isTrue();
            })
        .extracting(DefinitionProblem::path)
        .contains(broken.path());
  }

  @Provide
  Arbitrary<Broken> brokenPuts() {
    return BrokenBodies.brokenPuts();
  }

  // ---- the service's path
  // -------------------------------------------------------------------------

  /**
   * What PUT /plans/{planId} finds in a body: the definition it stores, or the problems of its 400.
   */
  private static CheckedDefinition put(String body, Set<String> calendars) {
    JsonNode tree = tree(body);
    if (tree instanceof ObjectNode object) {
      object.remove("effectiveFrom");
    }
    return CheckedDefinition.of(tree, calendars::contains);
  }

  /**
   * The definition GET /plans/{planId}?version= serves once PlanStore has kept it and read it back.
   */
  private static JsonNode storedAndServed(PlanDefinition definition) {
    String stored = new String(text(PlanDefinitionWriter.write(definition)).getBytes(UTF_8), UTF_8);
    CheckedDefinition read = CheckedDefinition.of(stored, calendarId -> true);
    assertThat(read.problems()).as("the stored form reads again").isEmpty();
    return tree(text(PlanDefinitionWriter.write(read.definition())));
  }

  /** Equal JSON, a number equal to a number of the same value however written. */
  private static boolean sameValues(JsonNode served, JsonNode expected) {
    return served.equals(
        (a, b) ->
            a.isNumber() && b.isNumber()
                ? a.decimalValue().compareTo(b.decimalValue())
                : a.equals(b) ? 0 : 1,
        expected);
  }

  // ---- JSON
  // -----------------------------------------------------------------------------------------

  /**
   * Whether a problem points into the body: at a part of it, or at a missing field of a part of it.
   */
  private static boolean placeOrParentExists(JsonNode body, String path) {
    List<String> steps = new ArrayList<>();
    Matcher step = STEP.matcher(path.substring(1));
    while (step.find()) {
      steps.add(step.group());
    }
    JsonNode node = body;
    for (int i = 0; i < steps.size() - 1; i++) {
      node = child(node, steps.get(i));
      if (node == null) {
        return false;
      }
    }
    return steps.isEmpty() || node.isObject() || child(node, steps.get(steps.size() - 1)) != null;
  }

  private static JsonNode child(JsonNode node, String step) {
    return step.startsWith(".")
        ? node.get(step.substring(1))
        : node.get(Integer.parseInt(step.substring(1, step.length() - 1)));
  }
}
