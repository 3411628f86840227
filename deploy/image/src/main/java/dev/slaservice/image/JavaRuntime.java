package dev.slaservice.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Java runtime for the image, linked with jlink from the JDK that runs the build: the Java SE
 * modules plus the JDK modules the service and its operators use (JFR, jcmd, DNS, zip file system).
 */
final class JavaRuntime {

  static final List<String> MODULES =
      List.of(
          "java.se",
          "jdk.unsupported",
          "jdk.crypto.ec",
          "jdk.crypto.cryptoki",
          "jdk.zipfs",
          "jdk.naming.dns",
          "jdk.management",
          "jdk.jfr",
          "jdk.jcmd",
          "jdk.attach",
          "jdk.localedata");

  /**
   * java.desktop's native libraries (AWT, fonts, sound, images). The service runs headless and
   * never loads them, and they would pull X11, ALSA and font libraries into the image.
   */
  static final Set<String> DESKTOP_LIBRARIES =
      Set.of(
          "libawt.so",
          "libawt_headless.so",
          "libawt_xawt.so",
          "libfontmanager.so",
          "libjavajpeg.so",
          "libjawt.so",
          "libjsound.so",
          "liblcms.so",
          "libmlib_image.so",
          "libsplashscreen.so");

  private final Path home;

  private JavaRuntime(Path home) {
    this.home = home;
  }

  Path home() {
    return home;
  }

  static JavaRuntime link(Path jdk, Path output) {
    Path jmods = jdk.resolve("jmods");
    if (!Files.isDirectory(jmods)) {
      throw new IllegalStateException(
          jdk
              + " has no jmods/ to link a runtime from: build with a full JDK "
              + "(Debian: openjdk-17-jdk-headless), or skip the image with -Dimage.skip");
    }
    deleteRecursively(output);
    ToolProvider jlink =
        ToolProvider.findFirst("jlink")
            .orElseThrow(
                () -> new IllegalStateException("this JVM has no jlink: build with a full JDK"));
    ByteArrayOutputStream messages = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(messages, true, StandardCharsets.UTF_8);
    int exit =
        jlink.run(
            out,
            out,
            "--module-path",
            jmods.toString(),
            "--add-modules",
            String.join(",", MODULES),
            "--include-locales=en",
            "--strip-debug",
            "--no-man-pages",
            "--no-header-files",
            "--compress=2",
            "--output",
            output.toString());
    if (exit != 0) {
      throw new IllegalStateException(
          "jlink failed (" + exit + "): " + messages.toString(StandardCharsets.UTF_8));
    }
    return new JavaRuntime(output.toAbsolutePath().normalize());
  }

  /**
   * The runtime's executables and native libraries, but the desktop ones: what the loader must
   * resolve.
   */
  List<Path> nativeBinaries() {
    try (Stream<Path> files = Files.walk(home)) {
      return files
          .filter(Files::isRegularFile)
          .filter(
              file ->
                  file.startsWith(home.resolve("bin"))
                      || file.getFileName().toString().endsWith(".so"))
          .filter(file -> !DESKTOP_LIBRARIES.contains(file.getFileName().toString()))
          .sorted()
          .collect(Collectors.toCollection(ArrayList::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted((a, b) -> b.compareTo(a)).toList()) {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
