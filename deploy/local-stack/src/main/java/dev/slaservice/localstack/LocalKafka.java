package dev.slaservice.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;

/**
 * One Apache Kafka broker in KRaft mode (combined broker and controller), from the {@code
 * kafka_2.13} jars: inside this JVM for tests, or as a child JVM for the local run. Replication
 * factors are 1 so that transactions and consumer groups work on one node.
 */
public final class LocalKafka implements AutoCloseable {

  private final Path dataDir;
  private final int port;
  private final int controllerPort;
  private KafkaRaftServer inProcess;
  private Process child;

  private LocalKafka(Path dataDir, int port, int controllerPort) {
    this.dataDir = dataDir;
    this.port = port;
    this.controllerPort = controllerPort;
  }

  /** Starts a broker inside this JVM with its log in {@code dataDir}. */
  public static LocalKafka startInProcess(Path dataDir, int port, int controllerPort) {
    LocalKafka kafka = new LocalKafka(dataDir, port, controllerPort);
    Map<String, String> config = kafka.brokerConfig(6);
    kafka.formatIfNeeded(
        config,
        () -> {
          ByteArrayOutputStream output = new ByteArrayOutputStream();
          int status =
              StorageTool.execute(
                  kafka.formatArgs(kafka.writeConfig(config)),
                  new PrintStream(output, true, StandardCharsets.UTF_8));
          if (status != 0) {
            throw new IllegalStateException("formatting Kafka storage failed: " + output);
          }
        });
    kafka.inProcess = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
    kafka.inProcess.startup();
    kafka.awaitReady();
    return kafka;
  }

  /**
   * Starts a broker as a child JVM ({@code kafka.Kafka}); its output goes to a log beside {@code
   * dataDir}.
   */
  public static LocalKafka startProcess(
      Path dataDir, int port, int controllerPort, int partitions) {
    LocalKafka kafka = new LocalKafka(dataDir, port, controllerPort);
    Map<String, String> config = kafka.brokerConfig(partitions);
    Path properties = kafka.writeConfig(config);
    Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
    kafka.formatIfNeeded(
        config,
        () -> {
          List<String> format = javaCommand("kafka.tools.StorageTool");
          format.addAll(List.of(kafka.formatArgs(properties)));
          ChildProcesses.run(format, log, "formatting Kafka storage in " + dataDir);
        });
    List<String> broker = javaCommand("kafka.Kafka");
    broker.add(1, "-Xmx512m");
    broker.add(properties.toString());
    kafka.child = ChildProcesses.start(broker, log);
    kafka.awaitReady();
    return kafka;
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  /** Creates the topics that do not exist yet. */
  public void createTopics(Collection<String> names, int partitions) {
    try (Admin admin = admin()) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing =
          names.stream()
              .filter(n -> !existing.contains(n))
              .map(n -> new NewTopic(n, partitions, (short) 1))
              .collect(Collectors.toList());
      admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create topics " + names, e.getCause());
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot create topics " + names, e);
    }
  }

  private Admin admin() {
    Properties properties = new Properties();
    properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
    properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
    return Admin.create(properties);
  }

  private Map<String, String> brokerConfig(int partitions) {
    Map<String, String> config = new HashMap<>();
    config.put("process.roles", "broker,controller");
    config.put("node.id", "1");
    config.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    config.put(
        "listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
    config.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
    config.put("controller.listener.names", "CONTROLLER");
    config.put("inter.broker.listener.name", "PLAINTEXT");
    config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    config.put("log.dirs", dataDir.toAbsolutePath().toString());
    config.put("num.partitions", Integer.toString(partitions));
    config.put("offsets.topic.replication.factor", "1");
    config.put("offsets.topic.num.partitions", "6");
    config.put("transaction.state.log.replication.factor", "1");
    config.put("transaction.state.log.min.isr", "1");
    config.put("transaction.state.log.num.partitions", "6");
    config.put("group.initial.rebalance.delay.ms", "0");
    config.put("share.coordinator.state.topic.replication.factor", "1");
    config.put("share.coordinator.state.topic.min.isr", "1");
    return config;
  }

  private Path writeConfig(Map<String, String> config) {
    try {
      Files.createDirectories(dataDir);
      Path file = dataDir.resolveSibling(dataDir.getFileName() + ".properties");
      Properties properties = new Properties();
      properties.putAll(config);
      try (OutputStream out = Files.newOutputStream(file)) {
        properties.store(out, "written by the SLA service's local stack");
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String[] formatArgs(Path properties) {
    return new String[] {
      "format",
      "-t",
      Uuid.randomUuid().toString(),
      "-c",
      properties.toString(),
      "--ignore-formatted"
    };
  }

  private void formatIfNeeded(Map<String, String> config, Runnable format) {
    if (!Files.exists(dataDir.resolve("meta.properties"))) {
      writeConfig(config);
      format.run();
    }
  }

  private static List<String> javaCommand(String mainClass) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    return command;
  }

  private void awaitReady() {
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(90));
    Exception last = null;
    while (Instant.now().isBefore(giveUp)) {
      if (child != null && !child.isAlive()) {
        throw new IllegalStateException("Kafka exited with " + child.exitValue());
      }
      try (Admin admin = admin()) {
        admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
        return;
      } catch (Exception e) {
        last = e;
      }
    }
    throw new IllegalStateException("Kafka did not come up on port " + port, last);
  }

  @Override
  public void close() {
    if (inProcess != null) {
      inProcess.shutdown();
      inProcess.awaitShutdown();
    }
    ChildProcesses.stop(child, "TERM", 30);
  }
}
