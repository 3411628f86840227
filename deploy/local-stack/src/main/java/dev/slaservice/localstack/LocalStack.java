package dev.slaservice.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The local run: a Kafka broker and a PostgreSQL server on fixed ports (below the ephemeral range
 * that tests draw their ports from), data under {@code .local-stack/} (or the directory given as
 * the second argument), then the packaged service against them. A server given in the environment
 * ({@link ExternalServers}) it starts no more, and the service uses what was given. Ctrl-C stops
 * everything it started; a second start reuses the data.
 */
public final class LocalStack {

  static final int KAFKA_PORT = 19092;
  static final int KAFKA_CONTROLLER_PORT = 19093;
  static final int POSTGRES_PORT = 15432;
  static final String DATABASE = "sla";

  private LocalStack() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
    Path serviceJar = root.resolve("sla-service/target/quarkus-app/quarkus-run.jar");
    if (!Files.exists(serviceJar)) {
      throw new IllegalStateException(
          serviceJar + " is missing: build with ./mvnw install -DskipTests");
    }
    Path data =
        Files.createDirectories(args.length > 1 ? Path.of(args[1]) : root.resolve(".local-stack"));
    ExternalServers external;
    try {
      external = ExternalServers.from(System.getenv());
    } catch (IllegalArgumentException e) {
      say(e.getMessage());
      System.exit(2);
      return;
    }
    List<AutoCloseable> started = new ArrayList<>();
    List<String> settings = new ArrayList<>();

    if (external.kafka().isEmpty()) {
      say(
          "starting Kafka (KRaft) on 127.0.0.1:"
              + KAFKA_PORT
              + ", data in "
              + data.resolve("kafka"));
      LocalKafka broker =
          LocalKafka.startProcess(data.resolve("kafka"), KAFKA_PORT, KAFKA_CONTROLLER_PORT, 6);
      started.add(broker);
      settings.add("-Dkafka.bootstrap.servers=" + broker.bootstrapServers());
    } else {
      say("using Kafka at " + external.kafka().get());
    }
    if (external.postgres().isEmpty()) {
      say(
          "starting PostgreSQL on 127.0.0.1:"
              + POSTGRES_PORT
              + ", data in "
              + data.resolve("postgres"));
      LocalPostgres postgres =
          LocalPostgres.start(data.resolve("postgres"), POSTGRES_PORT, DATABASE, true);
      started.add(postgres);
      settings.add("-Dsla.db.host=127.0.0.1");
      settings.add("-Dsla.db.port=" + postgres.port());
      settings.add("-Dsla.db.name=" + DATABASE);
      settings.add("-Dquarkus.datasource.username=" + LocalPostgres.USER);
      settings.add("-Dquarkus.datasource.password=");
    } else {
      say("using PostgreSQL at " + external.postgres().get());
    }

    Path keys = data.resolve("jwt");
    TokenIssuer issuer = TokenIssuer.loadOrCreate(keys);
    settings.add("-Dmp.jwt.verify.publickey.location=" + keys.resolve("public.pem"));
    settings.add("-Dmp.jwt.verify.issuer=" + TokenIssuer.ISSUER);
    printTokens(issuer, keys);

    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(settings);
    command.add("-jar");
    command.add(serviceJar.toString());
    Process service = new ProcessBuilder(command).inheritIO().start();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  ChildProcesses.stop(service, "TERM", 30);
                  for (int i = started.size() - 1; i >= 0; i--) {
                    try {
                      started.get(i).close();
                    } catch (Exception e) {
                      say("could not stop " + started.get(i) + ": " + e.getMessage());
                    }
                  }
                },
                "local-stack-shutdown"));
    int status = service.waitFor();
    say("the service exited with " + status);
    System.exit(status);
  }

  /**
   * Prints a token per role, valid for a day, and writes them to {@code tokens.env} so a shell can
   * {@code source} them. Each start prints new ones; the key pair stays.
   */
  private static void printTokens(TokenIssuer issuer, Path keys) throws IOException {
    Duration lifetime = Duration.ofDays(1);
    Map<String, String> tokens = new LinkedHashMap<>();
    tokens.put(
        "HELPDESK_TOKEN", issuer.issue("local-helpdesk", List.of("helpdesk"), null, lifetime));
    tokens.put("OPS_TOKEN", issuer.issue("local-ops", List.of("ops"), null, lifetime));
    tokens.put("ADMIN_TOKEN", issuer.issue("local-admin", List.of("admin", "ops"), null, lifetime));
    tokens.put("ACME_OPS_TOKEN", issuer.issue("local-acme-ops", List.of("ops"), "acme", lifetime));
    StringBuilder env = new StringBuilder();
    tokens.forEach(
        (name, token) -> env.append("export ").append(name).append('=').append(token).append('\n'));
    Path file = keys.resolve("tokens.env");
    Files.writeString(file, env);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    say(
        "every endpoint but /q/health and the API documents needs a bearer token; tokens valid for 24 h:");
    tokens.forEach((name, token) -> System.out.println("  " + name + "=" + token));
    say("(also in " + file + ": source it, then curl -H \"Authorization: Bearer $OPS_TOKEN\" ...)");
    say(
        "roles: helpdesk posts events, ops reads, admin changes plans and calendars and runs rebuild and what-if;"
            + " ACME_OPS_TOKEN sees customer acme only");
  }

  private static void say(String line) {
    System.out.println("[local-stack] " + line);
  }
}
