package dev.slaservice.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The machine the figures came from. */
final class Machine {
  private Machine() {}

  static Map<String, Object> describe(Settings settings) {
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("date", Instant.now().toString());
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put("cpu", cpuModel());
    machine.put("memoryGiB", Math.round(totalMemoryKb() / 1048576.0));
    machine.put(
        "java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    machine.put("serviceJvm", String.join(" ", settings.serviceJvmOptions()));
    machine.put("partitions", settings.partitions());
    return machine;
  }

  private static String cpuModel() {
    return lineOf("/proc/cpuinfo", "model name").replaceFirst("^model name\\s*:\\s*", "");
  }

  private static long totalMemoryKb() {
    String line = lineOf("/proc/meminfo", "MemTotal");
    return line.isEmpty() ? 0 : Long.parseLong(line.replaceAll("[^0-9]", ""));
  }

  private static String lineOf(String file, String prefix) {
    try {
      return Files.readAllLines(Path.of(file)).stream()
          .filter(l -> l.startsWith(prefix))
          .findFirst()
          .orElse("");
    } catch (IOException e) {
      return "";
    }
  }
}
