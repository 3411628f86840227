package dev.slaservice.sla.process;

import dev.slaservice.events.SlaEvent;
import dev.slaservice.events.SlaEventCodec;
import dev.slaservice.localstack.Directories;
import dev.slaservice.localstack.FreePorts;
import dev.slaservice.localstack.LocalKafka;
import dev.slaservice.localstack.LocalPostgres;
import dev.slaservice.sla.messaging.Topics;
import dev.slaservice.sla.support.TopicSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A Kafka broker and a PostgreSQL server with throwaway data on free ports, and packaged service
 * processes against them: the tier that kills, stops and restarts real processes. The broker runs
 * as a child process when a test stops and restarts it, else inside the test JVM.
 */
final class ProcessStack implements AutoCloseable {

  private final Path dir;
  private final boolean kafkaAsProcess;
  private final int kafkaPort = FreePorts.next();
  private final int controllerPort = FreePorts.next();
  private final int postgresPort = FreePorts.next();
  private final List<ServiceProcess> services = new ArrayList<>();
  private LocalKafka kafka;
  private LocalPostgres postgres;

  private ProcessStack(Path dir, boolean kafkaAsProcess) {
    this.dir = dir;
    this.kafkaAsProcess = kafkaAsProcess;
  }

  static ProcessStack start(String name, boolean kafkaAsProcess) {
    return start(name, kafkaAsProcess, 3);
  }

  /** A stack whose topics have {@code partitions} partitions each. */
  static ProcessStack start(String name, boolean kafkaAsProcess, int partitions) {
    try {
      ProcessStack stack =
          new ProcessStack(Files.createTempDirectory("sla-" + name), kafkaAsProcess);
      stack.startKafka();
      stack.kafka.createTopics(Topics.ALL, partitions);
      stack.startPostgres();
      return stack;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void startKafka() {
    kafka =
        kafkaAsProcess
            ? LocalKafka.startProcess(dir.resolve("kafka"), kafkaPort, controllerPort, 3)
            : LocalKafka.startInProcess(dir.resolve("kafka"), kafkaPort, controllerPort);
  }

  /** Stops the broker (SIGTERM for a child process); its data stays for {@link #startKafka()}. */
  void stopKafka() {
    kafka.close();
  }

  void startPostgres() {
    postgres = LocalPostgres.start(dir.resolve("postgres"), postgresPort, "sla_it", false);
  }

  /**
   * Stops PostgreSQL (fast shutdown, clients cut off); its data stays for {@link #startPostgres()}.
   */
  void stopPostgres() {
    postgres.close();
  }

  String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  /** A service instance (not yet started) configured for this stack; {@code extra} settings win. */
  ServiceProcess service(String name, Map<String, String> extra) {
    return add(new ServiceProcess(settings(extra), dir.resolve(name + ".log")));
  }

  /**
   * A service instance (not yet started) run from an unpacked container image, configured for this
   * stack.
   */
  ServiceProcess service(String name, UnpackedImage image, Map<String, String> extra) {
    return add(new ServiceProcess(image::container, settings(extra), dir.resolve(name + ".log")));
  }

  /** A fresh directory under this stack's throwaway one. */
  Path directory(String name) {
    try {
      return Files.createDirectories(dir.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Map<String, String> settings(Map<String, String> extra) {
    Map<String, String> settings = new HashMap<>();
    settings.put("kafka.bootstrap.servers", "127.0.0.1:" + kafkaPort);
    settings.put("sla.db.host", "127.0.0.1");
    settings.put("sla.db.port", Integer.toString(postgresPort));
    settings.put("sla.db.name", "sla_it");
    settings.put("quarkus.datasource.username", LocalPostgres.USER);
    settings.putAll(extra);
    return settings;
  }

  private ServiceProcess add(ServiceProcess service) {
    services.add(service);
    return service;
  }

  Path log(String name) {
    return dir.resolve(name + ".log");
  }

  /** Everything committed to a topic, read with isolation.level=read_committed. */
  List<ConsumerRecord<String, String>> read(String topic) {
    return TopicSnapshot.read(kafka.bootstrapServers(), topic);
  }

  /** The ticket of every SlaBreached record on sla-breaches, in order, repeats included. */
  List<String> breachedTickets() {
    return read(Topics.SLA_BREACHES).stream()
        .map(r -> SlaEventCodec.read(r.value()))
        .filter(SlaEvent.SlaBreached.class::isInstance)
        .map(SlaEvent::ticketId)
        .toList();
  }

  /**
   * The ticket-events partitions each member of the consumer group holds, by the member's client
   * id.
   */
  Map<String, Set<Integer>> assignments(String groupId) {
    Map<String, Set<Integer>> assignments = new TreeMap<>();
    for (MemberDescription member : describe(groupId).members()) {
      member.assignment().topicPartitions().stream()
          .filter(p -> p.topic().equals(Topics.TICKET_EVENTS))
          .forEach(
              p ->
                  assignments
                      .computeIfAbsent(member.clientId(), c -> new TreeSet<>())
                      .add(p.partition()));
    }
    return assignments;
  }

  /**
   * The static ids ({@code group.instance.id}) of the members of a consumer group; empty for
   * dynamic members.
   */
  Set<String> staticMembers(String groupId) {
    Set<String> members = new TreeSet<>();
    describe(groupId).members().forEach(member -> member.groupInstanceId().ifPresent(members::add));
    return members;
  }

  private ConsumerGroupDescription describe(String groupId) {
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      return admin
          .describeConsumerGroups(List.of(groupId))
          .all()
          .get(20, TimeUnit.SECONDS)
          .get(groupId);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not describe consumer group " + groupId, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Set<String> storedEventIds() {
    Set<String> ids = new HashSet<>();
    rows("select event_id from event_store").forEach(row -> ids.add(row.get(0)));
    return ids;
  }

  long count(String sql) {
    return Long.parseLong(rows(sql).get(0).get(0));
  }

  /** Every row of the query, each column as text. */
  List<List<String>> rows(String sql) {
    try (Connection connection =
            DriverManager.getConnection(postgres.jdbcUrl(), LocalPostgres.USER, "");
        ResultSet result = connection.createStatement().executeQuery(sql)) {
      List<List<String>> rows = new ArrayList<>();
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> row = new ArrayList<>();
        for (int c = 1; c <= columns; c++) {
          row.add(result.getString(c));
        }
        rows.add(row);
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    services.forEach(ServiceProcess::close);
    if (postgres != null) {
      postgres.close();
    }
    if (kafka != null) {
      kafka.close();
    }
    // the servers' data and an unpacked image are hundreds of megabytes a run; the logs beside
    // them are kept for a failure
    try (Stream<Path> entries = Files.list(dir)) {
      entries.filter(Files::isDirectory).forEach(Directories::deleteTree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
