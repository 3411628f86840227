package dev.slaservice.sla.support;

import dev.slaservice.localstack.Directories;
import dev.slaservice.localstack.ExternalServers;
import dev.slaservice.localstack.FreePorts;
import dev.slaservice.localstack.LocalKafka;
import dev.slaservice.localstack.LocalPostgres;
import dev.slaservice.localstack.TokenIssuer;
import dev.slaservice.sla.messaging.Topics;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.RestAssured;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Real infrastructure for the tests: a Kafka broker (KRaft) inside the test JVM and a PostgreSQL
 * server as a child process, both on free ports with throwaway data, started once per JVM. With
 * KAFKA_BOOTSTRAP_SERVERS, or SLA_DB_HOST (plus SLA_DB_PORT, SLA_DB_NAME) or
 * QUARKUS_DATASOURCE_REACTIVE_URL (with QUARKUS_DATASOURCE_USERNAME / _PASSWORD) in the
 * environment, those servers are used instead, as the local run does ({@link ExternalServers}).
 */
public class SlaStackResource implements QuarkusTestResourceLifecycleManager {

  private static String bootstrapServers;
  private static Map<String, String> databaseSettings;
  private static boolean defaultTokenAdded;

  @Override
  public synchronized Map<String, String> start() {
    if (bootstrapServers == null) {
      bootstrapServers = startKafka();
    }
    if (databaseSettings == null) {
      databaseSettings = startPostgres();
    }
    Duration shift = MovableClock.shiftFromSystemProperty();
    if (!shift.isZero()) {
      System.out.printf(
          "the service's clock runs %s ahead of wall time (-D%s)%n",
          shift, MovableClock.SHIFT_PROPERTY);
    }
    Map<String, String> config = new HashMap<>(databaseSettings);
    config.put("kafka.bootstrap.servers", bootstrapServers);
    config.put("mp.jwt.verify.publickey.location", Tokens.publicKeyFile().toString());
    config.put("mp.jwt.verify.issuer", TokenIssuer.ISSUER);
    if (!defaultTokenAdded) {
      // tests of other concerns act with every role unless a request brings its own token
      String token = Tokens.everyRole();
      RestAssured.filters(
          (request, response, context) -> {
            if (!request.getHeaders().hasHeaderWithName("Authorization")) {
              request.header("Authorization", "Bearer " + token);
            }
            return context.next(request, response);
          });
      defaultTokenAdded = true;
    }
    return config;
  }

  public static String bootstrapServers() {
    return bootstrapServers;
  }

  private static String startKafka() {
    Optional<String> external = ExternalServers.from(System.getenv()).kafka();
    if (external.isPresent()) {
      return external.get();
    }
    Path dir = throwawayDir("kafka");
    LocalKafka kafka =
        LocalKafka.startInProcess(dir.resolve("data"), FreePorts.next(), FreePorts.next());
    kafka.createTopics(Topics.ALL, 3);
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> closeAndDelete(kafka, dir), "test-kafka-stop"));
    return kafka.bootstrapServers();
  }

  private static Map<String, String> startPostgres() {
    Map<String, String> settings = new HashMap<>();
    if (ExternalServers.from(System.getenv()).postgres().isPresent()) {
      return settings;
    }
    Path dir = throwawayDir("postgres");
    LocalPostgres postgres =
        LocalPostgres.start(dir.resolve("data"), FreePorts.next(), "sla_test", false);
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> closeAndDelete(postgres, dir), "test-postgres-stop"));
    settings.put("sla.db.host", "127.0.0.1");
    settings.put("sla.db.port", Integer.toString(postgres.port()));
    settings.put("sla.db.name", postgres.database());
    settings.put("quarkus.datasource.username", LocalPostgres.USER);
    settings.put("quarkus.datasource.password", "");
    return settings;
  }

  private static Path throwawayDir(String name) {
    try {
      return Files.createTempDirectory("sla-test-" + name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * In one shutdown hook, since hooks run in no set order: the data goes only once its server
   * stopped.
   */
  private static void closeAndDelete(AutoCloseable server, Path dir) {
    try {
      server.close();
    } catch (Exception e) {
      System.err.println("cannot stop the test server in " + dir + ": " + e);
    }
    Directories.deleteTree(dir);
  }

  @Override
  public void inject(TestInjector injector) {
    injector.injectIntoFields(
        new KafkaCompanion(bootstrapServers),
        new TestInjector.AnnotatedAndMatchesType(InjectKafka.class, KafkaCompanion.class));
  }

  @Override
  public void stop() {
    // the servers live as long as the test JVM, so later test classes reuse them
  }
}
