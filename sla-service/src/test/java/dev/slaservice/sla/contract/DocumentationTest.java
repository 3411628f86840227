package dev.slaservice.sla.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The README stays a page a newcomer reads in minutes, its API table names every operation of
 * openapi.yaml, and every relative link in the README and under docs/ leads to a file (and heading)
 * that exists.
 */
class DocumentationTest {

  private static final Path ROOT = Path.of("..");
  private static final Path README = ROOT.resolve("README.md");
  private static final int MOST_README_LINES = 200;

  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
  private static final Pattern INLINE_CODE = Pattern.compile("`[^`\n]*`");
  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*$");
  private static final Pattern API_ROW = Pattern.compile("^\\| `([A-Z]+)` \\| `([^`]+)` \\|");
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The file's lines with fenced code blocks blanked, so their text is neither a link nor a
   * heading.
   */
  private static List<String> prose(Path file) {
    List<String> prose = new ArrayList<>();
    boolean fenced = false;
    for (String line : lines(file)) {
      if (line.stripLeading().startsWith("```")) {
        fenced = !fenced;
        prose.add("");
      } else {
        prose.add(fenced ? "" : line);
      }
    }
    return prose;
  }

  private static List<Path> documents() throws IOException {
    try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
      return Stream.concat(
              Stream.of(README), docs.filter(p -> p.toString().endsWith(".md")).sorted())
          .toList();
    }
  }

  /** A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces as hyphens. */
  static String anchor(String heading) {
    String text = INLINE_CODE.matcher(heading).replaceAll(m -> m.group().replace("`", ""));
    text = text.replaceAll("\\[([^]]*)]\\([^)]*\\)", "$1");
    return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
  }

  private static Set<String> anchors(Path file) {
    return prose(file).stream()
        .map(HEADING::matcher)
        .filter(Matcher::matches)
        .map(m -> anchor(m.group(1)))
        .collect(Collectors.toSet());
  }

  @Nested
  class GivenTheReadme {

    @Test
    void thenItIsAtMostTwoHundredLines() {
      assertThat(lines(README)).as("README.md lines").hasSizeLessThanOrEqualTo(MOST_README_LINES);
    }

    @Test
    void thenItsApiTableNamesEveryOperationOfTheContract() throws IOException {
      Set<String> rows = new TreeSet<>();
      for (String line : prose(README)) {
        Matcher row = API_ROW.matcher(line);
        if (row.find()) {
          paths(row.group(2)).forEach(path -> rows.add(row.group(1) + " " + path));
        }
      }
      JsonNode contract =
          new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("openapi.yaml").toFile());
      Set<String> operations = new TreeSet<>();
      contract
          .get("paths")
          .fields()
          .forEachRemaining(
              path ->
                  path.getValue()
                      .fieldNames()
                      .forEachRemaining(
                          method -> {
                            if (METHODS.contains(method)) {
                              operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                            }
                          }));

      assertThat(operations).as("operations in openapi.yaml").hasSizeGreaterThan(10);
      assertThat(rows).as("operations in the README's API table").containsAll(operations);
    }

    /**
     * The paths a table cell stands for: the query left out, an optional [part] with and without.
     */
    private static List<String> paths(String cell) {
      String path = cell.replaceAll("\\[\\?[^]]*]", "").replaceAll("\\?.*", "");
      int optional = path.indexOf('[');
      if (optional < 0) {
        return List.of(path);
      }
      int end = path.indexOf(']', optional);
      String before = path.substring(0, optional);
      String after = path.substring(end + 1);
      return List.of(before + after, before + path.substring(optional + 1, end) + after);
    }
  }

  @Nested
  class GivenTheReadmeAndEveryPageUnderDocs {

    @Test
    void thenEveryRelativeLinkLeadsToAFileAndHeadingThatExist() throws IOException {
      List<String> broken = new ArrayList<>();
      int checked = 0;
      for (Path document : documents()) {
        String text = INLINE_CODE.matcher(String.join("\n", prose(document))).replaceAll("");
        Matcher link = LINK.matcher(text);
        while (link.find()) {
          String target = link.group(1);
          if (target.matches("^[a-z][a-z0-9+.-]*:.*")) {
            continue;
          }
          checked++;
          int hash = target.indexOf('#');
          String file = hash < 0 ? target : target.substring(0, hash);
          Path resolved =
              file.isEmpty() ? document : document.getParent().resolve(file).normalize();
          if (!Files.exists(resolved)) {
            broken.add(document + ": " + target + " (no such file)");
          } else if (hash >= 0
              && resolved.toString().endsWith(".md")
              && !anchors(resolved).contains(target.substring(hash + 1))) {
            broken.add(document + ": " + target + " (no such heading)");
          }
        }
      }

      assertThat(checked).as("relative links checked").isGreaterThan(20);
      assertThat(broken).as("broken links").isEmpty();
    }

    @Test
    void thenAHeadingsAnchorIsTheOneGitHubMakes() {
      assertThat(anchor("Kafka and PostgreSQL over TLS / SASL"))
          .isEqualTo("kafka-and-postgresql-over-tls--sasl");
      assertThat(anchor("The image (`deploy/image`)")).isEqualTo("the-image-deployimage");
      assertThat(anchor("Versions, `effectiveFrom` and retiring"))
          .isEqualTo("versions-effectivefrom-and-retiring");
    }
  }
}
