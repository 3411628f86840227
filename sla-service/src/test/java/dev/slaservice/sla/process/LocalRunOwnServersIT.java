package dev.slaservice.sla.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slaservice.localstack.Directories;
import dev.slaservice.localstack.FreePorts;
import dev.slaservice.localstack.LocalKafka;
import dev.slaservice.localstack.LocalPostgres;
import dev.slaservice.sla.messaging.Topics;
import dev.slaservice.sla.support.Events;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The local run ({@code ./deploy/run-local.sh}) given a user's own PostgreSQL and Kafka, as a user
 * configures them: either family of database settings alone makes it start no PostgreSQL of its own
 * and the service use the database given, with the user given. That database's superuser is not
 * {@code postgres}, so a run that forced the user {@code postgres} would fail with "role postgres
 * does not exist".
 */
class LocalRunOwnServersIT {

  private static final String OWNER = "sla_owner";

  private static Path dir;
  private static LocalKafka kafka;
  private static LocalPostgres postgres;

  @BeforeAll
  static void startTheUsersServers() throws IOException {
    dir = Files.createTempDirectory("sla-local-run-it");
    kafka =
        LocalKafka.startInProcess(dir.resolve("users-kafka"), FreePorts.next(), FreePorts.next());
    kafka.createTopics(Topics.ALL, 3);
    postgres =
        LocalPostgres.start(
            dir.resolve("users-postgres"), FreePorts.next(), "sla_by_url", false, OWNER);
    sql("postgres", "create database sla_by_host");
  }

  @AfterAll
  static void stopThem() {
    if (postgres != null) {
      postgres.close();
    }
    if (kafka != null) {
      kafka.close();
    }
    if (dir != null) {
      Directories.deleteTree(dir);
    }
  }

  @Test
  void quarkusOwnVariablesAloneGiveTheDatabase() throws Exception {
    Map<String, String> env =
        Map.of(
            "QUARKUS_DATASOURCE_REACTIVE_URL",
            "postgresql://127.0.0.1:" + postgres.port() + "/sla_by_url",
            "QUARKUS_DATASOURCE_JDBC_URL",
            "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/sla_by_url",
            "QUARKUS_DATASOURCE_USERNAME",
            OWNER,
            "QUARKUS_DATASOURCE_PASSWORD",
            "");
    runLocallyAndStoreATicket("quarkus-variables", env, "sla_by_url");
  }

  @Test
  void quarkusReactiveUrlAloneGivesTheDatabaseItsMigrationsToo() throws Exception {
    sql("postgres", "create database sla_by_reactive_url");
    Map<String, String> env =
        Map.of(
            "QUARKUS_DATASOURCE_REACTIVE_URL",
            "postgresql://127.0.0.1:" + postgres.port() + "/sla_by_reactive_url",
            "QUARKUS_DATASOURCE_USERNAME",
            OWNER);
    runLocallyAndStoreATicket("reactive-url", env, "sla_by_reactive_url");
  }

  @Test
  void theProjectsOwnVariablesAloneGiveTheDatabase() throws Exception {
    Map<String, String> env =
        Map.of(
            "SLA_DB_HOST",
            "127.0.0.1",
            "SLA_DB_PORT",
            Integer.toString(postgres.port()),
            "SLA_DB_NAME",
            "sla_by_host",
            "QUARKUS_DATASOURCE_USERNAME",
            OWNER);
    runLocallyAndStoreATicket("sla-variables", env, "sla_by_host");
  }

  private static void runLocallyAndStoreATicket(
      String name, Map<String, String> database, String databaseName) throws Exception {
    Path data = Files.createDirectories(dir.resolve(name));
    Path log = dir.resolve(name + ".log");
    int port = FreePorts.next();
    Process run = localRun(data, log, port, database);
    try {
      await()
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                if (!run.isAlive()) {
                  throw new AssertionError(
                      "the local run exited with "
                          + run.exitValue()
                          + ":\n"
                          + Files.readString(log));
                }
                return status(send(port, "GET", "/q/health/ready", null, null)) == 200;
              });
      String output = Files.readString(log);
      assertThat(output)
          .contains("[local-stack] using PostgreSQL at", "[local-stack] using Kafka at")
          .doesNotContain("starting PostgreSQL", "starting Kafka");
      assertThat(data.resolve("postgres")).doesNotExist();
      assertThat(data.resolve("kafka")).doesNotExist();

      Map<String, String> tokens = tokens(data.resolve("jwt/tokens.env"));
      String ticket = Events.newTicketId();
      HttpResponse<String> posted =
          send(
              port,
              "POST",
              "/events",
              Events.acmePremiumHigh(ticket, Instant.now().minus(Duration.ofMinutes(11))),
              tokens.get("HELPDESK_TOKEN"));
      assertThat(status(posted))
          .as("POST /events: %s", posted == null ? "no answer" : posted.body())
          .isEqualTo(202);
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () ->
                  status(send(port, "GET", "/tickets/" + ticket, null, tokens.get("OPS_TOKEN")))
                      == 200);
      assertThat(send(port, "GET", "/tickets/" + ticket, null, tokens.get("OPS_TOKEN")).body())
          .contains("BREACHED");
      assertThat(
              sql(
                  databaseName,
                  "select count(*) from event_store where ticket_id = '" + ticket + "'"))
          .isEqualTo("1");
    } finally {
      run.destroy();
      assertThat(run.waitFor(90, TimeUnit.SECONDS)).as("the local run stops on SIGTERM").isTrue();
    }
  }

  /**
   * {@code deploy/run-local.sh} after its build: the local stack's launcher, with its data in
   * {@code data}.
   */
  private static Process localRun(Path data, Path log, int port, Map<String, String> database)
      throws IOException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            "dev.slaservice.localstack.LocalStack",
            root.toString(),
            data.toString());
    Map<String, String> env = builder.environment();
    env.keySet()
        .removeIf(
            key ->
                key.startsWith("QUARKUS_") || key.startsWith("SLA_") || key.startsWith("KAFKA_"));
    env.putAll(database);
    env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
    env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
    return builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  private static Map<String, String> tokens(Path file) throws IOException {
    Map<String, String> tokens = new HashMap<>();
    for (String line : Files.readAllLines(file)) {
      String assignment = line.replaceFirst("^export ", "");
      int equals = assignment.indexOf('=');
      tokens.put(assignment.substring(0, equals), assignment.substring(equals + 1));
    }
    return tokens;
  }

  private static HttpResponse<String> send(
      int port, String method, String path, String body, String token) {
    return ServiceProcess.send(URI.create("http://127.0.0.1:" + port + path), method, body, token);
  }

  private static int status(HttpResponse<String> response) {
    return response == null ? -1 : response.statusCode();
  }

  /** Runs one statement as the database's own user; the first column of the first row, if any. */
  private static String sql(String database, String statement) {
    try (Connection connection =
        DriverManager.getConnection(
            "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/" + database, OWNER, "")) {
      Statement run = connection.createStatement();
      if (!run.execute(statement)) {
        return null;
      }
      try (ResultSet result = run.getResultSet()) {
        return result.next() ? result.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(statement + ": " + e.getMessage(), e);
    }
  }
}
