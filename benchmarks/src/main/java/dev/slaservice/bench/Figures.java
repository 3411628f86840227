package dev.slaservice.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every figure of one benchmark run, each with its repeats and, where it has them, its ratios to
 * raw limits measured in the same run; printed as a table and as one JSON object.
 */
final class Figures {

  /**
   * One measured quantity: its repeats, the raw limits it is compared with (maybe none) and the
   * target.
   */
  record Figure(
      String key,
      String label,
      String unit,
      List<Double> values,
      List<String> limitKeys,
      String target) {

    double min() {
      return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    double max() {
      return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    double median() {
      List<Double> sorted = values.stream().sorted().toList();
      if (sorted.isEmpty()) {
        return Double.NaN;
      }
      int middle = sorted.size() / 2;
      return sorted.size() % 2 == 1
          ? sorted.get(middle)
          : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
  }

  private final Map<String, Figure> figures = new LinkedHashMap<>();
  private final Map<String, Object> machine;

  Figures(Map<String, Object> machine) {
    this.machine = machine;
  }

  /**
   * Adds a repeat of a figure with no limit to compare with and no target: a raw limit itself, or a
   * figure reported as it is.
   */
  void add(String key, String label, String unit, double value) {
    add(key, label, unit, value, null, null);
  }

  /** Adds a repeat of a figure compared with at most one raw limit, creating it on first use. */
  void add(String key, String label, String unit, double value, String limitKey, String target) {
    addAgainst(key, label, unit, value, limitKey == null ? List.of() : List.of(limitKey), target);
  }

  /** Adds a repeat of a figure compared with each of the raw limits, creating it on first use. */
  void addAgainst(
      String key, String label, String unit, double value, List<String> limitKeys, String target) {
    figures
        .computeIfAbsent(
            key, k -> new Figure(key, label, unit, new ArrayList<>(), limitKeys, target))
        .values()
        .add(value);
    System.out.printf(Locale.ROOT, "[bench] %s: %s %s%n", label, format(value), unit);
  }

  /**
   * The median of a figure's repeats divided by the median of a limit's, or NaN when it was not
   * measured.
   */
  double ratio(Figure figure, String limitKey) {
    Figure limit = figures.get(limitKey);
    return limit == null ? Double.NaN : figure.median() / limit.median();
  }

  String table() {
    StringBuilder table = new StringBuilder();
    String row = "| %-44s | %-9s | %9s | %9s | %9s | %2s | %-46s | %5s | %-24s |%n";
    table.append(
        String.format(
            Locale.ROOT,
            row,
            "figure",
            "unit",
            "min",
            "median",
            "max",
            "n",
            "raw limit (median)",
            "ratio",
            "target"));
    table.append(
        String.format(
            Locale.ROOT,
            row,
            "-".repeat(44),
            "-".repeat(9),
            "-".repeat(9),
            "-".repeat(9),
            "-".repeat(9),
            "-".repeat(2),
            "-".repeat(46),
            "-".repeat(5),
            "-".repeat(24)));
    for (Figure figure : figures.values()) {
      List<String> limits = new ArrayList<>();
      List<String> ratios = new ArrayList<>();
      for (String limitKey : figure.limitKeys()) {
        Figure limit = figures.get(limitKey);
        if (limit != null) {
          limits.add(
              limit.label().replace("raw: PostgreSQL ", "").replace("raw: ", "")
                  + " "
                  + format(limit.median()));
          ratios.add(String.format(Locale.ROOT, "%.2f", ratio(figure, limitKey)));
        }
      }
      table.append(
          String.format(
              Locale.ROOT,
              row,
              figure.label(),
              figure.unit(),
              format(figure.min()),
              format(figure.median()),
              format(figure.max()),
              figure.values().size(),
              String.join("; ", limits),
              String.join(" / ", ratios),
              figure.target() == null ? "" : figure.target()));
    }
    return table.toString();
  }

  String json() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("machine", machine);
    Map<String, Object> all = new LinkedHashMap<>();
    for (Figure figure : figures.values()) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("unit", figure.unit());
      one.put("min", round(figure.min()));
      one.put("median", round(figure.median()));
      one.put("max", round(figure.max()));
      one.put("repeats", figure.values().size());
      if (!figure.limitKeys().isEmpty()) {
        Map<String, Object> ratios = new LinkedHashMap<>();
        // a limit left out by bench.phases has no ratio, rather than a ratio of 0
        figure.limitKeys().stream()
            .filter(figures::containsKey)
            .forEach(k -> ratios.put(k, Math.round(ratio(figure, k) * 1000) / 1000.0));
        if (!ratios.isEmpty()) {
          one.put("ratioToLimits", ratios);
        }
      }
      if (figure.target() != null) {
        one.put("target", figure.target());
      }
      all.put(figure.key(), one);
    }
    root.put("figures", all);
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void write(Path file) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, json());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double round(double value) {
    return Double.isNaN(value) ? Double.NaN : Math.round(value * 10) / 10.0;
  }

  static String format(double value) {
    if (Double.isNaN(value)) {
      return "-";
    }
    return Math.abs(value) >= 100
        ? String.format(Locale.ROOT, "%,.0f", value)
        : String.format(Locale.ROOT, "%.2f", value);
  }
}
