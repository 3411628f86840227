package dev.slaservice.image;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The SLA service's container image, written as a tarball without a Docker daemon: the packaged
 * service (Quarkus fast-jar, one layer per rate of change) on a linked Java runtime and the C
 * libraries it loads, with no shell or package manager. The JVM sizes itself from the container's
 * memory limit, with settings sized for a 512 MB container; the benchmark runs the service with
 * them. The tarball is in the {@code docker save} format (manifest.json), which {@code docker
 * load}, {@code podman load}, {@code skopeo} (docker-archive:) and containerd's import all read.
 *
 * <p>Run by the service's build: {@code ServiceImage <quarkus-app dir> <tarball> <image name> <work
 * dir>}.
 */
public final class ServiceImage {

  static final String JAVA_HOME = "/opt/java";
  static final String APP = "/deployments";
  static final String USER = "185";
  static final int HTTP_PORT = 8080;
  static final Path UTF8_LOCALE = Path.of("/usr/lib/locale/C.utf8");

  /**
   * Heap 45 % of the container's memory; the rest is metaspace, code cache, thread stacks, Kafka
   * and Netty buffers. The serial collector is what the JVM picks by itself in a 512 MB container;
   * it is named so that no host changes it: G1 takes more of the container's memory for no more
   * throughput (docs/adr/0007). The benchmark runs the service with these options.
   */
  public static final List<String> JVM_OPTIONS =
      List.of(
          "-XX:MaxRAMPercentage=45",
          "-XX:+UseSerialGC",
          "-XX:ReservedCodeCacheSize=64m",
          "-Xss512k",
          "-XX:+ExitOnOutOfMemoryError",
          "-Dfile.encoding=UTF-8",
          "-Djava.util.logging.manager=org.jboss.logmanager.LogManager");

  private ServiceImage() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      throw new IllegalArgumentException(
          "usage: ServiceImage <quarkus-app dir> <tarball> <image name> <work dir>");
    }
    Path app = Path.of(args[0]);
    if (!Files.isRegularFile(app.resolve("quarkus-run.jar"))) {
      throw new IllegalStateException(
          app + " holds no packaged service (quarkus-run.jar): run the package phase first");
    }
    Path tarball = Path.of(args[1]);
    Path work = Path.of(args[3]);
    JavaRuntime runtime =
        JavaRuntime.link(Path.of(System.getProperty("java.home")), work.resolve("java-runtime"));
    Map<String, Path> libraries =
        SharedLibraries.neededBy(runtime.nativeBinaries(), runtime.home());
    JibContainer image =
        builder(app, runtime, libraries, work, args[2])
            .containerize(
                Containerizer.to(TarImage.at(tarball).named(args[2]))
                    .setOfflineMode(true)
                    .setToolName("sla-service-image")
                    .setBaseImageLayersCache(work.resolve("cache/base"))
                    .setApplicationLayersCache(work.resolve("cache/application"))
                    .addEventHandler(LogEvent.class, ServiceImage::log));
    System.out.printf(
        "[image] %s written to %s (%s, %d C libraries)%n",
        args[2], tarball, image.getDigest(), libraries.size());
  }

  static JibContainerBuilder builder(
      Path app, JavaRuntime runtime, Map<String, Path> libraries, Path work, String name)
      throws IOException {
    List<String> entrypoint = new ArrayList<>();
    entrypoint.add(JAVA_HOME + "/bin/java");
    entrypoint.addAll(JVM_OPTIONS);
    entrypoint.add("-jar");
    entrypoint.add(APP + "/quarkus-run.jar");
    return Jib.fromScratch()
        .setFormat(ImageFormat.Docker)
        .addFileEntriesLayer(javaRuntime(runtime))
        .addFileEntriesLayer(cLibraries(libraries))
        .addFileEntriesLayer(system(work.resolve("system")))
        .addFileEntriesLayer(tree("dependencies", app.resolve("lib"), APP + "/lib"))
        .addFileEntriesLayer(
            FileEntriesLayer.builder()
                .setName("launcher")
                .addEntry(
                    app.resolve("quarkus-run.jar"), AbsoluteUnixPath.get(APP + "/quarkus-run.jar"))
                .build())
        .addFileEntriesLayer(tree("quarkus", app.resolve("quarkus"), APP + "/quarkus"))
        .addFileEntriesLayer(tree("application", app.resolve("app"), APP + "/app"))
        .setEntrypoint(entrypoint)
        .setEnvironment(
            Map.of("JAVA_HOME", JAVA_HOME, "PATH", JAVA_HOME + "/bin", "LANG", "C.UTF-8"))
        .setWorkingDirectory(AbsoluteUnixPath.get(APP))
        .setUser(USER)
        .addExposedPort(Port.tcp(HTTP_PORT))
        .addLabel("org.opencontainers.image.title", "SLA service")
        .addLabel(
            "org.opencontainers.image.description",
            "Keeps SLA clocks per support ticket from helpdesk events; publishes breaches, warnings and compensation")
        .addLabel("org.opencontainers.image.ref.name", name);
  }

  private static FileEntriesLayer javaRuntime(JavaRuntime runtime) throws IOException {
    FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName("java-runtime");
    try (var files = Files.walk(runtime.home())) {
      for (Path file :
          files
              .filter(Files::isRegularFile)
              .filter(f -> !JavaRuntime.DESKTOP_LIBRARIES.contains(f.getFileName().toString()))
              .sorted()
              .toList()) {
        layer.addEntry(
            file,
            AbsoluteUnixPath.get(JAVA_HOME).resolve(runtime.home().relativize(file).toString()),
            permissionsOf(file));
      }
    }
    return layer.build();
  }

  /**
   * The libraries and glibc's compiled C.UTF-8 locale, without which LANG=C.UTF-8 falls back to
   * ASCII.
   */
  private static FileEntriesLayer cLibraries(Map<String, Path> libraries) throws IOException {
    FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName("c-libraries");
    for (Map.Entry<String, Path> library : libraries.entrySet()) {
      layer.addEntry(
          library.getValue(),
          AbsoluteUnixPath.get(library.getKey()),
          permissionsOf(library.getValue()));
    }
    if (!Files.isDirectory(UTF8_LOCALE)) {
      throw new IllegalStateException(
          UTF8_LOCALE + " is missing: it comes with glibc (Debian: libc-bin)");
    }
    try (var files = Files.walk(UTF8_LOCALE)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        layer.addEntry(
            file, AbsoluteUnixPath.get(file.toString()), FilePermissions.fromOctalString("644"));
      }
    }
    return layer.build();
  }

  /**
   * The service's account (the Deployment runs as 185) and a /tmp for Vert.x's file cache and JFR.
   */
  private static FileEntriesLayer system(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("tmp"));
    Path passwd =
        Files.writeString(
            dir.resolve("passwd"),
            "root:x:0:0:root:/root:/sbin/nologin\nsla:x:185:185:SLA service:"
                + APP
                + ":/sbin/nologin\n",
            StandardCharsets.UTF_8);
    Path group =
        Files.writeString(dir.resolve("group"), "root:x:0:\nsla:x:185:\n", StandardCharsets.UTF_8);
    return FileEntriesLayer.builder()
        .setName("system")
        .addEntry(
            passwd, AbsoluteUnixPath.get("/etc/passwd"), FilePermissions.fromOctalString("644"))
        .addEntry(group, AbsoluteUnixPath.get("/etc/group"), FilePermissions.fromOctalString("644"))
        .addEntry(
            dir.resolve("tmp"),
            AbsoluteUnixPath.get("/tmp"),
            FilePermissions.fromOctalString("777"))
        .build();
  }

  private static FileEntriesLayer tree(String name, Path source, String target) throws IOException {
    return FileEntriesLayer.builder()
        .setName(name)
        .addEntryRecursive(
            source, AbsoluteUnixPath.get(target), (file, inImage) -> permissionsOf(file))
        .build();
  }

  private static FilePermissions permissionsOf(Path file) {
    try {
      return FilePermissions.fromPosixFilePermissions(Files.getPosixFilePermissions(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void log(LogEvent event) {
    if (event.getLevel() == LogEvent.Level.ERROR
        || event.getLevel() == LogEvent.Level.WARN
        || event.getLevel() == LogEvent.Level.LIFECYCLE) {
      if (!event.getMessage().isBlank()) {
        System.out.println("[image] " + event.getMessage());
      }
    }
  }
}
