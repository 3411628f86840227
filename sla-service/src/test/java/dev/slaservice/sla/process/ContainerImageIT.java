package dev.slaservice.sla.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slaservice.events.SlaEvent;
import dev.slaservice.events.SlaEventCodec;
import dev.slaservice.sla.messaging.Topics;
import dev.slaservice.sla.support.Events;
import dev.slaservice.sla.support.Tokens;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The container image the build writes (target/sla-service-image.tar), unpacked and run as a
 * container runtime runs it: its own root file system and PID namespace, user 185, the image's
 * entrypoint and environment, settings as environment variables, the Deployment's key mount, and
 * the 512 MB memory limit as the JVM reads it. The service in it then does its job end to end.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContainerImageIT {

  private static final String OPS = Tokens.of("ops");
  private static final long LIMIT_BYTES = 512L * 1024 * 1024;

  private static ProcessStack stack;
  private static UnpackedImage image;
  private static ServiceProcess service;

  @BeforeAll
  static void runTheImage() {
    stack = ProcessStack.start("image-it", false);
    image =
        UnpackedImage.unpack(
            Path.of(System.getProperty("service.image", "target/sla-service-image.tar")),
            stack.directory("image"));
    service = stack.service("image", image, Map.of());
    service.start();
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void theImageRunsTheServiceAsANonRootUserWithTheJvmSettingsOfA512MbContainer() {
    JsonNode config = image.config();
    List<String> entrypoint = new ArrayList<>();
    config.get("Entrypoint").forEach(part -> entrypoint.add(part.asText()));

    assertThat(image.tags()).containsExactly(System.getProperty("service.image.name"));
    assertThat(config.get("User").asText()).isEqualTo("185");
    assertThat(config.get("WorkingDir").asText()).isEqualTo("/deployments");
    assertThat(config.at("/ExposedPorts/8080~1tcp").isObject()).isTrue();
    assertThat(entrypoint)
        .startsWith("/opt/java/bin/java")
        .endsWith("-jar", "/deployments/quarkus-run.jar")
        .contains(
            "-XX:MaxRAMPercentage=45",
            "-XX:+UseSerialGC",
            "-XX:+ExitOnOutOfMemoryError",
            "-Dfile.encoding=UTF-8");
    assertThat(image.environment())
        .containsEntry("JAVA_HOME", "/opt/java")
        .containsEntry("LANG", "C.UTF-8");
    assertThat(image.root().resolve("bin/sh")).as("no shell in the image").doesNotExist();
    assertThat(image.root().resolve("usr/lib/locale/C.utf8/LC_CTYPE")).exists();
  }

  @Test
  void theJvmInTheImageSizesItsHeapFromTheContainersMemoryLimit() {
    HttpResponse<String> metrics = service.send("GET", "/q/metrics", null, OPS);
    assertThat(metrics.statusCode()).isEqualTo(200);

    long heap = 0;
    Matcher pool =
        Pattern.compile("(?m)^jvm_memory_max_bytes\\{area=\"heap\"[^}]*} ([0-9.E+]+)$")
            .matcher(metrics.body());
    while (pool.find()) {
      heap += (long) Math.max(0, Double.parseDouble(pool.group(1)));
    }
    assertThat(heap)
        .as("heap of a JVM in a 512 MB container, 45 %")
        .isBetween(LIMIT_BYTES * 35 / 100, LIMIT_BYTES * 46 / 100);
  }

  @Test
  void theServiceInTheImageTakesEventsAndPublishesTheBreach() {
    String ticket = Events.newTicketId();
    String opened = Events.acmePremiumHigh(ticket, Instant.now().minus(Duration.ofDays(2)));

    assertThat(service.post("/events", Events.batch(opened))).isEqualTo(202);

    await().atMost(Duration.ofSeconds(60)).until(() -> breachesOf(ticket) == 1);
    HttpResponse<String> state = service.send("GET", "/tickets/" + ticket, null, OPS);
    assertThat(state.statusCode()).isEqualTo(200);
    assertThat(state.body()).contains("\"BREACHED\"");
    assertThat(stack.count("select count(*) from event_store where ticket_id = '" + ticket + "'"))
        .isEqualTo(1);
  }

  @Test
  void theServiceWritesNothingOutsideTmpForTheDeploymentsReadOnlyRootFileSystem() throws Exception {
    Path root = image.root();
    try (var files = Files.walk(root)) {
      assertThat(
              files
                  .filter(
                      file ->
                          !file.startsWith(root.resolve("tmp"))
                              && !file.startsWith(root.resolve("proc")))
                  .filter(file -> file.toFile().lastModified() > image.unpackedAt().toEpochMilli())
                  .map(root::relativize))
          .as("paths the running service created or changed outside /tmp")
          .isEmpty();
    }
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void stoppingTheContainerStopsTheServiceInIt() {
    List<ProcessHandle> container = service.processTree();
    assertThat(container).as("unshare and the JVM it runs").hasSizeGreaterThanOrEqualTo(2);

    service.stop();

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> container.stream().noneMatch(ProcessHandle::isAlive));
  }

  private static long breachesOf(String ticket) {
    return stack.read(Topics.SLA_BREACHES).stream()
        .map(r -> SlaEventCodec.read(r.value()))
        .filter(SlaEvent.SlaBreached.class::isInstance)
        .filter(e -> e.ticketId().equals(ticket))
        .count();
  }
}
