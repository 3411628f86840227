package dev.slaservice.sla.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness DOWN when no Kafka broker answers within 3 s. The built-in check waits for the admin
 * client's full API timeout (a minute), too long for an orchestrator to act on an outage.
 */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements HealthCheck {

  private static final int TIMEOUT_MS = 3_000;

  private final Admin admin;

  public KafkaReadiness(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
    Map<String, Object> settings = new HashMap<>(kafka);
    settings.put(AdminClientConfig.CLIENT_ID_CONFIG, "sla-readiness");
    settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
    settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
    this.admin = Admin.create(settings);
  }

  @Override
  public HealthCheckResponse call() {
    try {
      int brokers =
          admin
              .describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS))
              .nodes()
              .get(TIMEOUT_MS + 1_000L, TimeUnit.MILLISECONDS)
              .size();
      return HealthCheckResponse.named("Kafka")
          .withData("brokers", brokers)
          .status(brokers > 0)
          .build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return HealthCheckResponse.named("Kafka").down().withData("reason", "interrupted").build();
    } catch (Exception e) {
      return HealthCheckResponse.named("Kafka")
          .down()
          .withData(
              "reason",
              "no broker answered within " + TIMEOUT_MS + " ms: " + e.getClass().getSimpleName())
          .build();
    }
  }

  void close(@Observes ShutdownEvent stopping) {
    admin.close(Duration.ofSeconds(1));
  }
}
