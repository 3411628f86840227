package dev.slaservice.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The C libraries (glibc, zlib, libstdc++, the dynamic loader) that the native parts of a Java
 * runtime load, found by asking {@code ldd} as the dynamic loader itself would resolve them. The
 * image carries these and nothing else of an operating system.
 */
final class SharedLibraries {

  private SharedLibraries() {}

  /**
   * Path in the image (as the loader looks it up) to the file on this machine, for every library
   * the binaries need but those under {@code own}, the runtime's own directory.
   */
  static Map<String, Path> neededBy(Collection<Path> binaries, Path own) {
    Set<String> provided =
        binaries.stream()
            .map(binary -> binary.getFileName().toString())
            .collect(Collectors.toSet());
    Map<String, Path> libraries = new TreeMap<>();
    for (Path binary : binaries) {
      parse(ldd(binary), binary.toString(), provided)
          .forEach(
              (name, file) -> {
                if (!file.normalize().startsWith(own)) {
                  libraries.put(name, realFile(file));
                }
              });
    }
    return libraries;
  }

  /**
   * Reads ldd's answer for one binary: {@code libz.so.1 => /lib/x86_64-linux-gnu/libz.so.1 (0x…)}
   * and the loader's own line {@code /lib64/ld-linux-x86-64.so.2 (0x…)}; the kernel's vDSO has no
   * file and is left out. A library ldd cannot find is an error unless the runtime itself has it
   * ({@code provided}): libjvm.so is loaded by the launcher before the libraries that name it.
   */
  static Map<String, Path> parse(String lddOutput, String binary, Set<String> provided) {
    Map<String, Path> libraries = new TreeMap<>();
    for (String line : lddOutput.split("\n")) {
      String entry = line.strip();
      if (entry.isEmpty()
          || entry.contains("statically linked")
          || entry.contains("not a dynamic executable")) {
        continue;
      }
      String target =
          entry.contains("=>") ? entry.substring(entry.indexOf("=>") + 2).strip() : entry;
      if (target.startsWith("not found")) {
        String name = entry.substring(0, entry.indexOf("=>")).strip();
        if (provided.contains(name)) {
          continue;
        }
        throw new IllegalStateException(
            binary
                + " needs "
                + name
                + ", which this machine does not have: install it, or build the image on a machine with a full JDK");
      }
      int address = target.indexOf(" (0x");
      String file = address < 0 ? target : target.substring(0, address);
      if (file.startsWith("/")) {
        libraries.put(Path.of(file).normalize().toString(), Path.of(file));
      }
    }
    return libraries;
  }

  private static Path realFile(Path file) {
    try {
      return file.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String ldd(Path binary) {
    try {
      Process process =
          new ProcessBuilder("ldd", binary.toString()).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("ldd " + binary + " did not answer within 60 s");
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "ldd (Debian's libc-bin) is needed to find the libraries of " + binary, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
