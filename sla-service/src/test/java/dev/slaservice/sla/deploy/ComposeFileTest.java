package dev.slaservice.sla.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slaservice.localstack.TokenIssuer;
import dev.slaservice.sla.messaging.Topics;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/compose.yaml, read as Docker Compose reads it (anchors and merge keys resolved): two
 * service instances wired to the Kafka and PostgreSQL it defines, with matching credentials and the
 * local token issuer, and every topic the service uses created before they start.
 */
class ComposeFileTest {

  private static Map<String, Map<String, Object>> services;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void read() throws IOException {
    try (Reader file = Files.newBufferedReader(Path.of("..", "deploy", "compose.yaml"))) {
      Map<String, Object> compose = new Yaml().load(file);
      services = (Map<String, Map<String, Object>>) compose.get("services");
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> environment(String service) {
    return (Map<String, Object>) services.get(service).get("environment");
  }

  private static List<String> instances() {
    return services.entrySet().stream()
        .filter(s -> String.valueOf(s.getValue().get("image")).startsWith("sla-service:"))
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
  }

  @Test
  void runsTwoInstancesOfTheImageTheBuildWritesOnTheirOwnPorts() {
    assertThat(instances()).containsExactly("sla-service-1", "sla-service-2");
    assertThat(instances().stream().map(i -> services.get(i).get("ports")).distinct()).hasSize(2);
    instances()
        .forEach(
            instance -> {
              assertThat(services.get(instance).get("image"))
                  .isEqualTo(System.getProperty("service.image.name"));
              assertThat(services.get(instance).get("mem_limit")).isEqualTo("512m");
              assertThat(services.get(instance).get("read_only")).isEqualTo(true);
              assertThat(services.get(instance).get("tmpfs").toString()).contains("/tmp");
            });
  }

  @Test
  void instancesUseTheKafkaAndPostgresItDefinesWithTheirCredentials() {
    Map<String, Object> postgres = environment("postgres");
    instances()
        .forEach(
            instance -> {
              Map<String, Object> env = environment(instance);
              assertThat(services)
                  .containsKey(env.get("KAFKA_BOOTSTRAP_SERVERS").toString().split(":")[0]);
              assertThat(services).containsKey(env.get("SLA_DB_HOST").toString());
              assertThat(env.get("SLA_DB_NAME")).isEqualTo(postgres.get("POSTGRES_DB"));
              assertThat(env.get("QUARKUS_DATASOURCE_USERNAME"))
                  .isEqualTo(postgres.get("POSTGRES_USER"));
              assertThat(env.get("QUARKUS_DATASOURCE_PASSWORD"))
                  .isEqualTo(postgres.get("POSTGRES_PASSWORD"));
              assertThat(env.get("MP_JWT_VERIFY_ISSUER")).isEqualTo(TokenIssuer.ISSUER);
              assertThat(services.get(instance).get("volumes").toString())
                  .contains(":" + env.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION") + ":ro");
            });
  }

  @Test
  void createsEveryTopicTheServiceUsesBeforeTheInstancesStart() {
    String script = services.get("kafka-topics").get("command").toString();
    Topics.ALL.forEach(topic -> assertThat(script).contains(topic));
    assertThat(script)
        .contains("--topic sla-outbox-progress --partitions 1")
        .contains("cleanup.policy=compact");
    assertThat(environment("kafka")).containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
    instances()
        .forEach(
            instance ->
                assertThat(services.get(instance).get("depends_on").toString())
                    .contains("kafka-topics")
                    .contains("service_completed_successfully"));
  }
}
