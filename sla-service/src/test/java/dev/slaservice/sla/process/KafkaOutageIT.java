package dev.slaservice.sla.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slaservice.events.SlaEvent;
import dev.slaservice.events.SlaEventCodec;
import dev.slaservice.sla.messaging.Topics;
import dev.slaservice.sla.support.Events;
import dev.slaservice.sla.support.Tokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The broker stops for a minute ({@code -Doutage.seconds}) under a running service: intake answers
 * 503 with Retry-After within 5 s and never 202, readiness is DOWN, and when the broker is back
 * everything flows again without a restart, including a breach whose deadline passed meanwhile.
 */
class KafkaOutageIT extends PackagedServiceTest {

  private static final int OUTAGE_SECONDS = Integer.getInteger("outage.seconds", 60);
  private static final String HELPDESK = Tokens.of("helpdesk");
  private static final String OPS = Tokens.of("ops");

  @BeforeAll
  static void startStack() {
    startStack("kafka-outage-it", true);
  }

  @Test
  void intakeRefusesFastWhileKafkaIsDownAndEverythingFlowsWhenItIsBack() throws Exception {
    long pid = service.pid();
    String dueDuringOutage = Events.newTicketId();
    Instant opened = Instant.now().minus(Duration.ofMinutes(10)).plusSeconds(15);
    assertThat(post(Events.acmePremiumHigh(dueDuringOutage, opened)).statusCode()).isEqualTo(202);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> status("/tickets/" + dueDuringOutage) == 200);

    Instant outageStarted = Instant.now();
    stack.stopKafka();

    List<Duration> refusals = new ArrayList<>();
    List<String> refusedBodies = new ArrayList<>();
    boolean readinessWentDown = false;
    while (Duration.between(outageStarted, Instant.now()).toSeconds() < OUTAGE_SECONDS) {
      String body =
          Events.opened(Events.newTicketId(), "acme", "websoft9-premium", "NORMAL", Instant.now());
      refusedBodies.add(body);
      Instant asked = Instant.now();
      HttpResponse<String> answer = post(body);
      Duration took = Duration.between(asked, Instant.now());
      assertThat(answer.statusCode()).as("POST /events while Kafka is down").isEqualTo(503);
      assertThat(answer.headers().firstValue("Retry-After")).as("Retry-After").isPresent();
      assertThat(answer.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
      refusals.add(took);
      readinessWentDown |= service.readiness() == 503;
    }
    assertThat(refusals)
        .as("time to refuse")
        .isNotEmpty()
        .allMatch(took -> took.compareTo(Duration.ofSeconds(5)) <= 0);
    assertThat(readinessWentDown).as("readiness reported DOWN during the outage").isTrue();
    System.out.printf(
        "Kafka down %d s: %d requests refused, slowest in %d ms%n",
        OUTAGE_SECONDS,
        refusals.size(),
        refusals.stream().mapToLong(Duration::toMillis).max().orElse(0));

    stack.startKafka();
    service.awaitReadyAgain(Duration.ofMinutes(3));
    assertThat(service.pid()).as("the same process, not restarted").isEqualTo(pid);

    String afterwards = Events.newTicketId();
    await()
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> post(Events.acmePremiumHigh(afterwards, Instant.now())).statusCode() == 202);
    await().atMost(Duration.ofMinutes(2)).until(() -> status("/tickets/" + afterwards) == 200);
    await().atMost(Duration.ofMinutes(2)).until(() -> breaches(dueDuringOutage) == 1);
    assertThat(breaches(dueDuringOutage)).as("one breach, published once").isEqualTo(1);
    // a 503 tells the helpdesk to retry with the same event ids; each event is then stored once
    for (String body : refusedBodies) {
      assertThat(post(body).statusCode()).isEqualTo(202);
    }
    await()
        .atMost(Duration.ofMinutes(2))
        .until(() -> stack.count("select count(*) from event_store") == refusedBodies.size() + 2);
    assertThat(stack.count("select count(distinct event_id) from event_store"))
        .isEqualTo(refusedBodies.size() + 2);
  }

  private static HttpResponse<String> post(String body) {
    return service.send("POST", "/events", body, HELPDESK);
  }

  private static int status(String path) {
    HttpResponse<String> answer = service.send("GET", path, null, OPS);
    return answer == null ? -1 : answer.statusCode();
  }

  private static long breaches(String ticket) {
    return stack.read(Topics.SLA_BREACHES).stream()
        .map(r -> SlaEventCodec.read(r.value()))
        .filter(e -> e instanceof SlaEvent.SlaBreached && e.ticketId().equals(ticket))
        .count();
  }
}
