package dev.slaservice.bench;

import dev.slaservice.localstack.Directories;
import dev.slaservice.localstack.FreePorts;
import dev.slaservice.localstack.LocalKafka;
import dev.slaservice.localstack.LocalPostgres;
import dev.slaservice.localstack.TokenIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * The stack under measurement: a Kafka broker (KRaft) as its own JVM, a durable PostgreSQL server,
 * and the packaged service as its own JVM with the settings a 512 MB container gets, all on
 * loopback with data in a throwaway directory.
 */
final class BenchStack implements AutoCloseable {

  static final String DATABASE = "sla_bench";
  static final List<String> TOPICS =
      List.of(
          "ticket-events",
          "ticket-events-dlq",
          "sla-breaches",
          "sla-warnings",
          "sla-clocks",
          "sla-compensations");

  final Path dir;
  final int partitions;
  final TokenIssuer tokens = TokenIssuer.generate();
  private LocalKafka kafka;
  private LocalPostgres postgres;
  private ServiceUnderTest service;
  private Path publicKey;
  private List<String> serviceJvmOptions;

  private BenchStack(Path dir, int partitions) {
    this.dir = dir;
    this.partitions = partitions;
  }

  static BenchStack start(Path dir, int partitions, List<String> serviceJvmOptions) {
    BenchStack stack = new BenchStack(dir, partitions);
    try {
      Files.createDirectories(dir);
      stack.kafka =
          LocalKafka.startProcess(
              dir.resolve("kafka"), FreePorts.next(), FreePorts.next(), partitions);
      stack.kafka.createTopics(TOPICS, partitions);
      stack.postgres =
          LocalPostgres.start(dir.resolve("postgres"), FreePorts.next(), DATABASE, true);
      stack.publicKey = dir.resolve("jwt-public.pem");
      Files.writeString(stack.publicKey, stack.tokens.publicKeyPem());
      stack.serviceJvmOptions = serviceJvmOptions;
      stack.service = ServiceUnderTest.start(stack, "service", List.of());
      return stack;
    } catch (IOException e) {
      stack.close();
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  /**
   * A second instance of the service beside the first, with further {@code -D} settings; the caller
   * closes it.
   */
  ServiceUnderTest startAnotherService(String name, List<String> properties) {
    return ServiceUnderTest.start(this, name, properties);
  }

  /** The PEM file the service verifies the stack's tokens with. */
  Path publicKey() {
    return publicKey;
  }

  List<String> serviceJvmOptions() {
    return serviceJvmOptions;
  }

  String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  void createTopic(String name) {
    kafka.createTopics(List.of(name), partitions);
  }

  int postgresPort() {
    return postgres.port();
  }

  ServiceUnderTest service() {
    return service;
  }

  String token(String role) {
    return tokens.issue("benchmark-" + role, List.of(role), null, Duration.ofHours(6));
  }

  Connection jdbc() throws SQLException {
    return DriverManager.getConnection(postgres.jdbcUrl(), LocalPostgres.USER, "");
  }

  long count(String sql) {
    try (Connection connection = jdbc();
        Statement statement = connection.createStatement();
        var result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    if (service != null) {
      service.close();
    }
    if (postgres != null) {
      postgres.close();
    }
    if (kafka != null) {
      kafka.close();
    }
    // gigabytes after a million tickets; the logs and benchmark.json stay in the run directory
    if (!Boolean.getBoolean("bench.keep.data")) {
      Directories.deleteTree(dir.resolve("postgres"));
      Directories.deleteTree(dir.resolve("kafka"));
    }
  }
}
