package dev.slaservice.sla.process;

import static org.awaitility.Awaitility.await;

import dev.slaservice.localstack.FreePorts;
import dev.slaservice.localstack.TokenIssuer;
import dev.slaservice.sla.support.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service (target/quarkus-app) running as its own process, as it runs in production.
 */
final class ServiceProcess implements AutoCloseable {

  private static final String HELPDESK = Tokens.of("helpdesk");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** How the service process is started from its settings and HTTP port. */
  interface Launch {
    ProcessBuilder process(Map<String, String> settings, int port);
  }

  private final Launch launch;
  private final Map<String, String> settings;
  private final Path log;
  private final int port = FreePorts.next();
  private Process process;

  /** The packaged service run by this test JVM's java, settings as system properties. */
  ServiceProcess(Map<String, String> settings, Path log) {
    this(ServiceProcess::packagedJar, settings, log);
  }

  ServiceProcess(Launch launch, Map<String, String> settings, Path log) {
    this.launch = launch;
    this.settings = settings;
    this.log = log;
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  void start() {
    try {
      process =
          launch
              .process(settings, port)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(this::ready);
  }

  private static ProcessBuilder packagedJar(Map<String, String> settings, int port) {
    Path jar = Path.of(System.getProperty("service.jar", "target/quarkus-app/quarkus-run.jar"));
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar + " is missing: this test runs after the package phase");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx384m");
    settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("-Dmp.jwt.verify.publickey.location=" + Tokens.publicKeyFile());
    command.add("-Dmp.jwt.verify.issuer=" + TokenIssuer.ISSUER);
    command.add("-Dquarkus.http.port=" + port);
    command.add("-jar");
    command.add(jar.toString());
    return new ProcessBuilder(command);
  }

  /** The readiness answer: 200 when UP, 503 when DOWN, -1 when the service did not answer. */
  int readiness() {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(uri("/q/health/ready"))
                  .timeout(Duration.ofSeconds(20))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  long pid() {
    return process.pid();
  }

  /** Waits until readiness is UP again, as after an outage of a server the service needs. */
  void awaitReadyAgain(Duration within) {
    await().atMost(within).pollInterval(Duration.ofSeconds(1)).until(() -> readiness() == 200);
  }

  private boolean ready() {
    if (!process.isAlive()) {
      throw new IllegalStateException(
          "the service exited with " + process.exitValue() + "; see " + log);
    }
    return readiness() == 200;
  }

  /**
   * A graceful stop (SIGTERM), as an orchestrator restarts a service. The signal goes to the
   * process's children too: in an image's container the JVM is the child of {@code unshare}.
   */
  void stop() {
    if (process != null && process.isAlive()) {
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
      try {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          throw new IllegalStateException(
              "the service did not stop within 60 s of SIGTERM; see " + log);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** SIGKILL: the process and its children end at once, whatever they were doing. */
  void kill() {
    if (process != null && process.isAlive()) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      try {
        process.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * The process and its children (the container's processes when the service runs from an image).
   */
  List<ProcessHandle> processTree() {
    List<ProcessHandle> tree = new ArrayList<>();
    tree.add(process.toHandle());
    process.descendants().forEach(tree::add);
    return tree;
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  /** A request with a bearer token; null when the service did not answer. */
  HttpResponse<String> send(String method, String path, String body, String token) {
    return send(uri(path), method, body, token);
  }

  /**
   * A JSON request to any address, with a bearer token unless it is null; null when nothing
   * answered.
   */
  static HttpResponse<String> send(URI uri, String method, String body, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** POSTs a body as a helpdesk; the status code, or -1 when the service did not answer. */
  int post(String path, String body) {
    HttpResponse<String> answer = send("POST", path, body, HELPDESK);
    return answer == null ? -1 : answer.statusCode();
  }

  @Override
  public void close() {
    kill();
  }
}
