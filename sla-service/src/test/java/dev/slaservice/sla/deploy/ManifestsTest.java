package dev.slaservice.sla.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.slaservice.sla.messaging.Topics;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Parses every document of deploy/kubernetes with the typed Kubernetes (fabric8) and Strimzi
 * models, so a misspelt field, a wrong type or an unknown kind fails the build, then checks what
 * the deployment relies on: the references between the objects, the probes, the memory limit and a
 * topic for every topic the service uses.
 */
class ManifestsTest {

  private static final Path MANIFESTS = Path.of("..", "deploy", "kubernetes");
  private static final Map<String, Class<? extends HasMetadata>> KINDS =
      Map.of(
          "ConfigMap",
          ConfigMap.class,
          "Secret",
          Secret.class,
          "Deployment",
          Deployment.class,
          "Service",
          Service.class,
          "PodDisruptionBudget",
          PodDisruptionBudget.class,
          "KafkaTopic",
          KafkaTopic.class);
  private static final ObjectMapper MODEL =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  private static List<HasMetadata> objects;

  @BeforeAll
  static void parse() throws IOException {
    objects = new ArrayList<>();
    try (Stream<Path> files = Files.list(MANIFESTS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        for (JsonNode document :
            new YAMLMapper(new YAMLFactory())
                .readerFor(JsonNode.class)
                .<JsonNode>readValues(file.toFile())
                .readAll()) {
          if (document == null || document.isEmpty()) {
            continue;
          }
          objects.add(typed(file, document));
        }
      }
    }
  }

  private static HasMetadata typed(Path file, JsonNode document) throws IOException {
    String kind = document.path("kind").asText();
    assertThat(KINDS).as(file + ": a kind the deployment does not use or a typo").containsKey(kind);
    HasMetadata object = MODEL.treeToValue(document, KINDS.get(kind));
    assertNoUnknownFields(
        object, file.getFileName() + ": " + kind + " " + object.getMetadata().getName());
    assertThat(object.getApiVersion())
        .as(file + ": apiVersion of " + kind)
        .isEqualTo(HasMetadata.getApiVersion(KINDS.get(kind)));
    return object;
  }

  /**
   * The models keep fields they do not know in additionalProperties rather than failing: any there,
   * at any depth, is a field Kubernetes would reject or silently ignore.
   */
  private static void assertNoUnknownFields(Object value, String path) {
    if (value == null
        || value instanceof String
        || value instanceof Number
        || value instanceof Boolean
        || value instanceof Enum<?>) {
      return;
    }
    if (value instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        assertNoUnknownFields(item, path + "[" + i++ + "]");
      }
      return;
    }
    if (value instanceof Map<?, ?> map) {
      map.forEach((key, item) -> assertNoUnknownFields(item, path + "." + key));
      return;
    }
    String type = value.getClass().getName();
    if (!type.startsWith("io.fabric8.") && !type.startsWith("io.strimzi.")) {
      return;
    }
    for (Method getter : value.getClass().getMethods()) {
      if (getter.getParameterCount() != 0
          || !getter.getName().startsWith("get")
          || getter.getDeclaringClass() == Object.class) {
        continue;
      }
      Object field = invoke(getter, value);
      if (getter.getName().equals("getAdditionalProperties")) {
        assertThat((Map<?, ?>) field)
            .as(path + " has fields its model does not know")
            .isNullOrEmpty();
      } else if (!(value instanceof Quantity)) {
        assertNoUnknownFields(field, path + "." + getter.getName().substring(3));
      }
    }
  }

  private static Object invoke(Method getter, Object target) {
    try {
      return getter.invoke(target);
    } catch (IllegalAccessException | InvocationTargetException e) {
      return null;
    }
  }

  private static <T extends HasMetadata> List<T> all(Class<T> kind) {
    return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  private static <T extends HasMetadata> T named(Class<T> kind, String name) {
    return all(kind).stream()
        .filter(o -> o.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " named " + name));
  }

  @Nested
  class TheDeployment {

    private final Deployment deployment = named(Deployment.class, "sla-service");
    private final Container container =
        deployment.getSpec().getTemplate().getSpec().getContainers().get(0);

    @Test
    void runsAtLeastTwoInstancesSelectedByItsOwnLabels() {
      assertThat(deployment.getSpec().getReplicas()).isGreaterThanOrEqualTo(2);
      assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
          .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
      Service service = named(Service.class, "sla-service");
      assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
          .containsAllEntriesOf(service.getSpec().getSelector());
    }

    @Test
    void probesTheHealthEndpointsOnTheHttpPort() {
      assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
      assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
      assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/q/health/started");
      assertThat(container.getPorts())
          .anyMatch(
              p ->
                  p.getContainerPort() == 8080
                      && p.getName()
                          .equals(
                              container.getReadinessProbe().getHttpGet().getPort().getStrVal()));
    }

    @Test
    void hasTheMemoryTheImagesJvmSettingsAreSizedFor() {
      assertThat(container.getResources().getLimits().get("memory"))
          .isEqualTo(new Quantity("512Mi"));
      assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
    }

    @Test
    void runsTheImageTheBuildWrites() {
      assertThat(container.getImage()).endsWith("/" + System.getProperty("service.image.name"));
    }

    @Test
    void takesEverySettingFromObjectsThatExist() {
      container
          .getEnvFrom()
          .forEach(
              source -> {
                if (source.getConfigMapRef() != null) {
                  named(ConfigMap.class, source.getConfigMapRef().getName());
                }
                if (source.getSecretRef() != null) {
                  named(Secret.class, source.getSecretRef().getName());
                }
              });
      Set<String> settings =
          new HashSet<>(named(ConfigMap.class, "sla-service").getData().keySet());
      settings.addAll(named(Secret.class, "sla-service-db").getStringData().keySet());
      assertThat(settings)
          .contains(
              "KAFKA_BOOTSTRAP_SERVERS",
              "SLA_DB_HOST",
              "SLA_DB_PORT",
              "SLA_DB_NAME",
              "QUARKUS_DATASOURCE_USERNAME",
              "QUARKUS_DATASOURCE_PASSWORD",
              "MP_JWT_VERIFY_ISSUER",
              "MP_JWT_VERIFY_PUBLICKEY_LOCATION");
    }

    @Test
    void mountsTheJwtKeyWhereTheSettingsPointTo() {
      String keyFile =
          named(ConfigMap.class, "sla-service").getData().get("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
      String secretName =
          deployment.getSpec().getTemplate().getSpec().getVolumes().stream()
              .filter(v -> v.getName().equals("jwt"))
              .findFirst()
              .orElseThrow()
              .getSecret()
              .getSecretName();
      assertThat(container.getVolumeMounts())
          .anyMatch(m -> m.getName().equals("jwt") && keyFile.startsWith(m.getMountPath() + "/"));
      assertThat(named(Secret.class, secretName).getStringData())
          .containsKey(Path.of(keyFile).getFileName().toString());
    }
  }

  @Nested
  class TheTopics {

    @Test
    void everyTopicTheServiceUsesIsDeclaredWithPartitionsRetentionAndReplicas() {
      Map<String, KafkaTopic> topics =
          all(KafkaTopic.class).stream()
              .collect(Collectors.toMap(t -> t.getMetadata().getName(), t -> t));
      Set<String> used = new HashSet<>(Topics.ALL);
      used.add("sla-outbox-progress");
      assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(used);
      topics
          .values()
          .forEach(
              topic -> {
                assertThat(topic.getMetadata().getLabels())
                    .containsEntry("strimzi.io/cluster", "sla-kafka");
                assertThat(topic.getSpec().getReplicas()).isGreaterThanOrEqualTo(3);
                assertThat(topic.getSpec().getConfig()).containsEntry("min.insync.replicas", 2);
              });
      topics.values().stream()
          .filter(t -> !t.getMetadata().getName().equals("sla-outbox-progress"))
          .forEach(topic -> assertThat(topic.getSpec().getConfig()).containsKey("retention.ms"));
    }

    @Test
    void ticketEventsLeavesRoomToTripleTheInstances() {
      int replicas = named(Deployment.class, "sla-service").getSpec().getReplicas();
      assertThat(named(KafkaTopic.class, Topics.TICKET_EVENTS).getSpec().getPartitions())
          .isGreaterThanOrEqualTo(3 * replicas);
    }

    @Test
    void theRelayProgressTopicIsOneCompactedPartition() {
      KafkaTopic progress = named(KafkaTopic.class, "sla-outbox-progress");
      assertThat(progress.getSpec().getPartitions()).isEqualTo(1);
      assertThat(progress.getSpec().getConfig()).containsEntry("cleanup.policy", "compact");
    }
  }
}
