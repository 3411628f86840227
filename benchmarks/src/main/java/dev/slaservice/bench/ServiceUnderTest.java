package dev.slaservice.bench;

import dev.slaservice.localstack.FreePorts;
import dev.slaservice.localstack.LocalPostgres;
import dev.slaservice.localstack.TokenIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged service (sla-service/target/quarkus-app) as its own process, and what it reports
 * about itself.
 */
final class ServiceUnderTest implements AutoCloseable {

  private static final Pattern HEAP_USED =
      Pattern.compile(
          "^jvm_memory_used_bytes\\{area=\"heap\"[^}]*} ([0-9.E+-]+)$", Pattern.MULTILINE);

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private final int port = FreePorts.next();
  private final String opsToken;
  private Process process;

  private ServiceUnderTest(String opsToken) {
    this.opsToken = opsToken;
  }

  /**
   * Starts the service with the stack's JVM options and {@code properties} (further {@code -D}
   * settings), logging to {@code name}.log in the run directory.
   */
  static ServiceUnderTest start(BenchStack stack, String name, List<String> properties) {
    Path jar =
        Path.of(
            System.getProperty("service.jar", "sla-service/target/quarkus-app/quarkus-run.jar"));
    if (!Files.exists(jar)) {
      throw new IllegalStateException(
          jar + " is missing: build the service first (benchmarks/run.sh does)");
    }
    ServiceUnderTest service = new ServiceUnderTest(stack.token("ops"));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(stack.serviceJvmOptions());
    command.add("-Dkafka.bootstrap.servers=" + stack.bootstrapServers());
    command.add("-Dsla.db.host=127.0.0.1");
    command.add("-Dsla.db.port=" + stack.postgresPort());
    command.add("-Dsla.db.name=" + BenchStack.DATABASE);
    command.add("-Dquarkus.datasource.username=" + LocalPostgres.USER);
    command.add("-Dmp.jwt.verify.publickey.location=" + stack.publicKey());
    command.add("-Dmp.jwt.verify.issuer=" + TokenIssuer.ISSUER);
    command.add("-Dquarkus.http.port=" + service.port);
    command.addAll(properties);
    command.add("-jar");
    command.add(jar.toString());
    Path log = stack.dir.resolve(name + ".log");
    try {
      service.process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      service.awaitReady(log);
    } catch (RuntimeException e) {
      service.close();
      throw e;
    }
    return service;
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** Resident set size of the service process, from /proc. */
  long rssBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
      throw new IllegalStateException("no VmRSS for " + process.pid());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Heap in use, summed over the heap pools the service's own metrics report. */
  double heapUsedBytes() {
    String metrics = get("/q/metrics", opsToken).body();
    Matcher matcher = HEAP_USED.matcher(metrics);
    double used = 0;
    while (matcher.find()) {
      used += Double.parseDouble(matcher.group(1));
    }
    return used;
  }

  /** How late the service's timers fired so far, from its own metrics. */
  TimerLagHistogram timerLag() {
    return TimerLagHistogram.parse(get("/q/metrics", opsToken).body());
  }

  HttpResponse<String> get(String path, String token) {
    return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).GET());
  }

  HttpResponse<String> post(String path, String body, String token) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(
          request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void awaitReady(Path log) {
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(120));
    while (Instant.now().isBefore(giveUp)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the service exited with " + process.exitValue() + "; see " + log);
      }
      try {
        if (http.send(
                    HttpRequest.newBuilder(uri("/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      Pause.briefly(Duration.ofMillis(250));
    }
    throw new IllegalStateException("the service was not ready within 120 s; see " + log);
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }
}
