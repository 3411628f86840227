package dev.slaservice.sla.pipeline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slaservice.sla.messaging.Topics;
import dev.slaservice.sla.support.Events;
import dev.slaservice.sla.support.InjectKafka;
import dev.slaservice.sla.support.Intake;
import dev.slaservice.sla.support.MovableClock;
import dev.slaservice.sla.support.SlaStackResource;
import dev.slaservice.sla.support.TopicSnapshot;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * /q/metrics carries every series the Grafana dashboard in deploy/ plots, once the pipeline has
 * worked.
 */
@QuarkusTest
@QuarkusTestResource(SlaStackResource.class)
class MetricsTest {

  private static final Pattern SERIES =
      Pattern.compile("\\b((?:sla|kafka_consumer|http_server)_[a-z_]+)");

  @InjectKafka KafkaCompanion kafka;

  @Inject MovableClock clock;

  @Test
  void everySeriesOfTheDashboardIsServedAfterABreachABadRequestAndAPoisonRecord() throws Exception {
    String ticket = Events.newTicketId();
    Intake.accepted(
        Events.opened(
            ticket,
            "metrics",
            "websoft9-premium",
            "HIGH",
            clock.now().minus(Duration.ofMinutes(11))));
    Intake.send("{\"type\":\"WorkStarted\"}").statusCode(400);
    kafka
        .produceStrings()
        .fromRecords(new ProducerRecord<>(Topics.TICKET_EVENTS, ticket, "not an event"))
        .awaitCompletion();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                TopicSnapshot.forKey(Topics.SLA_BREACHES, ticket).size() == 1
                    && TopicSnapshot.forKey(Topics.TICKET_EVENTS_DEAD_LETTERS, ticket).size() == 1);

    Set<String> plotted = plottedSeries();
    assertThat(plotted)
        .contains(
            "sla_events_accepted_total",
            "sla_timer_lag_seconds_bucket",
            "sla_outbox_backlog",
            "kafka_consumer_fetch_manager_records_lag_max");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              String metrics =
                  given().get("/q/metrics").then().statusCode(200).extract().asString();
              assertThat(plotted)
                  .allSatisfy(
                      series ->
                          assertThat(metrics)
                              .as(series)
                              .containsPattern("(?m)^" + Pattern.quote(series) + "[{ ]"));
              assertThat(metrics)
                  .containsPattern(
                      "sla_published_total\\{[^}]*metric=\"RESPONSE\"[^}]*plan=\"websoft9-premium\"[^}]*type=\"SlaBreached\"");
              // the intake's own producer reports like the connector's clients do
              assertThat(metrics)
                  .containsPattern(
                      "(?m)^kafka_producer_record_send_total\\{[^}]*client_id=\"sla-intake\"[^}]*} [1-9]");
            });
  }

  private static Set<String> plottedSeries() throws Exception {
    JsonNode dashboard =
        new ObjectMapper()
            .readTree(Path.of("..", "deploy", "grafana", "sla-service.json").toFile());
    Set<String> series = new TreeSet<>();
    for (JsonNode panel : dashboard.get("panels")) {
      for (JsonNode target : panel.get("targets")) {
        Matcher matcher = SERIES.matcher(target.get("expr").asText());
        while (matcher.find()) {
          series.add(matcher.group(1));
        }
      }
    }
    return series;
  }
}
