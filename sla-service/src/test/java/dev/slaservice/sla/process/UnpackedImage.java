package dev.slaservice.sla.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slaservice.localstack.TarArchives;
import dev.slaservice.localstack.TokenIssuer;
import dev.slaservice.sla.support.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * An image tarball ({@code docker save} format) unpacked the way a container runtime does it: the
 * manifest names the config and the layers, and the layers are applied in order to one root file
 * system. {@link #container} then runs the image's entrypoint in that root as its own PID 1, as the
 * image's user, with the image's environment plus the settings as environment variables.
 */
final class UnpackedImage {

  /** Where the Deployment mounts the JWT verification key (deploy/kubernetes/deployment.yaml). */
  static final String JWT_KEY = "/etc/sla-service/jwt/public.pem";

  /** The memory limit of the Deployment's container, as the JVM would read it from its cgroup. */
  static final String CONTAINER_MEMORY = "512m";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path root;
  private final JsonNode config;
  private final List<String> tags;
  private final Instant unpackedAt;

  private UnpackedImage(Path root, JsonNode config, List<String> tags, Instant unpackedAt) {
    this.root = root;
    this.config = config;
    this.tags = tags;
    this.unpackedAt = unpackedAt;
  }

  static UnpackedImage unpack(Path tarball, Path dir) {
    if (!Files.isRegularFile(tarball)) {
      throw new IllegalStateException(
          tarball + " is missing: the image is written in the package phase");
    }
    try {
      Path layout = dir.resolve("layout");
      TarArchives.extract(Files.newInputStream(tarball), layout);
      JsonNode manifest = JSON.readTree(layout.resolve("manifest.json").toFile()).get(0);
      Path root = Files.createDirectories(dir.resolve("rootfs"));
      for (JsonNode layer : manifest.get("Layers")) {
        TarArchives.extract(
            new GzipCompressorInputStream(Files.newInputStream(layout.resolve(layer.asText()))),
            root);
      }
      // a container runtime mounts /proc (the JVM's launcher finds its own libraries through it)
      // and the key
      Files.createDirectories(root.resolve("proc"));
      Path key = root.resolve(JWT_KEY.substring(1));
      Files.createDirectories(key.getParent());
      Files.copy(Tokens.publicKeyFile(), key, StandardCopyOption.REPLACE_EXISTING);
      Files.setPosixFilePermissions(
          key, TarArchives.permissions(0644)); // a Secret volume's default mode
      // the image's files carry Jib's fixed 1970 time: so does everything here now, and what is
      // newer was written since
      try (var paths = Files.walk(root)) {
        for (Path path : paths.toList()) {
          Files.setLastModifiedTime(path, FileTime.from(Instant.EPOCH));
        }
      }
      List<String> tags = new ArrayList<>();
      manifest.get("RepoTags").forEach(tag -> tags.add(tag.asText()));
      return new UnpackedImage(
          root,
          JSON.readTree(layout.resolve(manifest.get("Config").asText()).toFile()).get("config"),
          tags,
          Instant.now());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonNode config() {
    return config;
  }

  /** The names {@code docker load} gives the image. */
  List<String> tags() {
    return tags;
  }

  Path root() {
    return root;
  }

  /**
   * Every path of the unpacked image is older than this; anything newer was written by the
   * container.
   */
  Instant unpackedAt() {
    return unpackedAt;
  }

  /**
   * The image as its container: entrypoint, working directory, user and environment from its
   * config.
   */
  ProcessBuilder container(Map<String, String> settings, int port) {
    List<String> command =
        new ArrayList<>(
            List.of(
                unshare(),
                "--fork",
                "--pid",
                "--mount-proc",
                "--kill-child",
                "--root=" + root,
                "--wd=" + config.get("WorkingDir").asText()));
    if ("root".equals(System.getProperty("user.name"))) {
      String user = config.get("User").asText();
      command.add("--setgid=" + user);
      command.add("--setuid=" + user);
    } else {
      command.add("--map-root-user");
    }
    config.get("Entrypoint").forEach(part -> command.add(part.asText()));
    ProcessBuilder process = new ProcessBuilder(command);
    Map<String, String> variables = process.environment();
    variables.clear();
    variables.putAll(environment());
    settings.forEach((key, value) -> variables.put(environmentName(key), value));
    variables.put("QUARKUS_HTTP_PORT", Integer.toString(port));
    variables.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", JWT_KEY);
    variables.put("MP_JWT_VERIFY_ISSUER", TokenIssuer.ISSUER);
    variables.put("JAVA_TOOL_OPTIONS", "-XX:MaxRAM=" + CONTAINER_MEMORY);
    return process;
  }

  /**
   * MicroProfile Config's environment name of a property: kafka.bootstrap.servers is
   * KAFKA_BOOTSTRAP_SERVERS.
   */
  static String environmentName(String property) {
    return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
  }

  private static String unshare() {
    for (String candidate : List.of("/usr/bin/unshare", "/bin/unshare")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "unshare (util-linux) is needed to run the image without a container engine");
  }

  /** The image's environment as a map, for assertions. */
  Map<String, String> environment() {
    Map<String, String> environment = new LinkedHashMap<>();
    config
        .get("Env")
        .forEach(
            variable -> {
              String[] pair = variable.asText().split("=", 2);
              environment.put(pair[0], pair[1]);
            });
    return environment;
  }
}
