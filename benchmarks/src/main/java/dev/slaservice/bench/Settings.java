package dev.slaservice.bench;

import dev.slaservice.image.ServiceImage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The benchmark's knobs, as {@code -Dbench.*} system properties; the defaults are the documented
 * run (a million open tickets, 100,000 of them due in one minute).
 */
record Settings(
    Path dir,
    long seed,
    int partitions,
    int customers,
    int repeats,
    long rawKafkaRecords,
    Duration rawPostgresDuration,
    int rawCopyRows,
    Duration warmup,
    Duration intakeDuration,
    int intakeWorkers,
    int singleRequestsPerSecond,
    Duration e2eDuration,
    int e2eRepeats,
    int e2eWorkers,
    int ticketsInFlight,
    long maxBacklog,
    int openTickets,
    int dueTickets,
    Duration dueLead,
    int rebuildRepeats,
    Set<Phase> phases,
    List<String> serviceJvmOptions) {

  /** The parts of a run, in the order they run; {@code bench.phases} picks some of them. */
  enum Phase {
    RAW,
    INTAKE,
    E2E,
    BREACH,
    MEMORY,
    REPORT,
    REBUILD;

    static Set<Phase> parse(String names) {
      Set<Phase> phases = EnumSet.noneOf(Phase.class);
      for (String name : names.split(",")) {
        if (!name.isBlank()) {
          phases.add(Phase.valueOf(name.trim().toUpperCase(Locale.ROOT)));
        }
      }
      return phases;
    }
  }

  /**
   * The JVM as the image runs it in a 512 MB container: the image's options, with 512 MB and two
   * processors as its ergonomics would read them from the container's limits.
   */
  static final String CONTAINER_JVM =
      "-XX:MaxRAM=512m -XX:ActiveProcessorCount=2 " + String.join(" ", ServiceImage.JVM_OPTIONS);

  static Settings fromSystemProperties() {
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    List<String> jvm =
        Arrays.stream(System.getProperty("bench.service.jvm", CONTAINER_JVM).trim().split("\\s+"))
            .filter(s -> !s.isEmpty())
            .toList();
    return new Settings(
        Path.of(System.getProperty("bench.dir", "benchmarks/target/run-" + stamp)).toAbsolutePath(),
        Long.getLong("bench.seed", System.nanoTime()),
        Integer.getInteger("bench.partitions", 6),
        Integer.getInteger("bench.customers", 500),
        Integer.getInteger("bench.repeats", 3),
        Long.getLong("bench.raw.kafka.records", 1_000_000),
        Duration.ofSeconds(Long.getLong("bench.raw.postgres.seconds", 10)),
        Integer.getInteger("bench.raw.copy.rows", 1_000_000),
        Duration.ofSeconds(Long.getLong("bench.warmup.seconds", 15)),
        Duration.ofSeconds(Long.getLong("bench.intake.seconds", 8)),
        Integer.getInteger("bench.intake.workers", 8),
        Integer.getInteger("bench.single.rate", 2_000),
        Duration.ofSeconds(Long.getLong("bench.e2e.seconds", 60)),
        Integer.getInteger("bench.e2e.repeats", 1),
        Integer.getInteger("bench.e2e.workers", 4),
        Integer.getInteger("bench.e2e.tickets.in.flight", 5_000),
        Long.getLong("bench.max.backlog", 100_000),
        Integer.getInteger("bench.open.tickets", 1_000_000),
        Integer.getInteger("bench.due.tickets", 100_000),
        Duration.ofSeconds(Long.getLong("bench.due.lead.seconds", 90)),
        Integer.getInteger("bench.rebuild.repeats", 1),
        Phase.parse(
            System.getProperty("bench.phases", "raw,intake,e2e,breach,memory,report,rebuild")),
        jvm);
  }
}
