package dev.slaservice.sla.domain.policy.definition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slaservice.events.Metric;
import dev.slaservice.sla.domain.calendar.CalendarVersion;
import dev.slaservice.sla.domain.compensation.CreditRule;
import dev.slaservice.sla.domain.policy.BuiltInCatalog;
import dev.slaservice.sla.domain.policy.ClockTerms;
import dev.slaservice.sla.domain.policy.Plan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The plan definition the README shows under "Your own plans" is one a PUT /plans/{planId} accepts:
 * read and checked by the same parser and validator, against the calendars the service ships with
 * (the PUT checks against every calendar defined, built-in ones included).
 */
class ReadmePlanExampleTest {

  private static final Path README = Path.of("..", "README.md");
  private static final String HEADING = "### Your own plans";

  /** The first ```json block after the heading. */
  private static String example() throws IOException {
    List<String> lines = Files.readAllLines(README);
    int heading = lines.indexOf(HEADING);
    assertThat(heading).as("README heading " + HEADING).isNotNegative();
    int open = heading + 1;
    while (open < lines.size() && !lines.get(open).equals("```json")) {
      assertThat(lines.get(open)).as("a heading before the json block").doesNotStartWith("#");
      open++;
    }
    int close = lines.subList(open, lines.size()).indexOf("```");
    assertThat(close).as("the closed json block under " + HEADING).isPositive();
    return String.join("\n", lines.subList(open + 1, open + close));
  }

  @Nested
  class GivenTheReadmeExample {

    private final BuiltInCatalog catalog = new BuiltInCatalog();

    private CheckedDefinition checked() throws IOException {
      return CheckedDefinition.of(
          example(), calendarId -> !catalog.calendarVersions(calendarId).isEmpty());
    }

    @Test
    void whenCheckedAsAPutChecksItThenItHasNoProblem() throws IOException {
      CheckedDefinition checked = checked();

      assertThat(checked.problems()).isEmpty();
      assertThat(checked.valid()).isTrue();
    }

    @Test
    void whenReadThenItHasTheTermsTheReadmeDescribes() throws IOException {
      PlanDefinition definition = checked().definition();

      assertThat(definition.names().en()).isEqualTo("Gold 4 h");
      assertThat(definition.priorities())
          .extracting(PriorityDefinition::id)
          .containsExactly("URGENT", "NORMAL");
      MetricTerms urgentResponse =
          definition.priority("URGENT").orElseThrow().targets().get(Metric.RESPONSE);
      assertThat(urgentResponse.target()).isEqualTo(new Target.Fixed(Duration.ofMinutes(30)));
      assertThat(urgentResponse.calendarId()).isEqualTo("24x7");
      MetricTerms normalResponse =
          definition.priority("NORMAL").orElseThrow().targets().get(Metric.RESPONSE);
      assertThat(normalResponse.target()).isEqualTo(new Target.Fixed(Duration.ofHours(4)));
      assertThat(normalResponse.calendarId()).isEqualTo(BuiltInCatalog.EMQ_5X8);
      assertThat(definition.warningPercents()).containsExactly(50, 80);
      assertThat(definition.compensation())
          .isInstanceOfSatisfying(
              CompensationTerms.PercentPerBreachedTicket.class,
              terms -> assertThat(terms.percentOfMonthlyFee()).isEqualByComparingTo("5"));
    }

    @Test
    void whenMadeAPlanThenItsServiceDaysCountTheCalendarsNineHourDays() throws IOException {
      Plan plan =
          checked()
              .definition()
              .toPlan(
                  "gold-4h",
                  2,
                  Instant.EPOCH,
                  calendarId ->
                      catalog.calendarVersions(calendarId).stream()
                          .findFirst()
                          .map(CalendarVersion::calendar));

      ClockTerms resolution = plan.terms("NORMAL", Metric.RESOLUTION).orElseThrow();
      assertThat(resolution.target()).isEqualTo(Duration.ofHours(45));
      assertThat(resolution.pausable()).isTrue();
      assertThat(plan.terms("NORMAL", Metric.RESPONSE).orElseThrow().pausable()).isFalse();
      assertThat(plan.credit())
          .isInstanceOfSatisfying(
              CreditRule.PerMissedTicket.class,
              rule -> assertThat(rule.percentOfFee()).isEqualByComparingTo("5"));
    }
  }
}
