package dev.slaservice.sla.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What each package of the service may import (ADR 0017): the domain is plain Java, and the stores
 * know neither what coordinates them nor the adapters around them.
 */
class LayersTest {

  private static final Path SOURCES = Path.of("src/main/java/dev/slaservice/sla");

  /** Each import of the package's files that matches {@code forbidden}, as "File: import". */
  private static List<String> imports(String packageDir, String forbidden) {
    Pattern pattern =
        Pattern.compile("^import (static )?(" + forbidden + ")[\\w.]*;", Pattern.MULTILINE);
    try (Stream<Path> files = Files.walk(SOURCES.resolve(packageDir))) {
      return files
          .filter(f -> f.toString().endsWith(".java"))
          .flatMap(
              f -> {
                String text = read(f);
                return pattern.matcher(text).results().map(m -> f.getFileName() + ": " + m.group());
              })
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Nested
  class GivenTheStores {

    /** They may return the helpdesk mapping's values, which is plain Java like the domain. */
    @Test
    void thenNoneImportsTheApplicationOrAnAdapter() {
      assertThat(imports("persistence", "dev\\.slaservice\\.sla\\.(application|messaging|rest)\\."))
          .isEmpty();
    }
  }

  @Nested
  class GivenTheDomain {

    @Test
    void thenItImportsNoFrameworkAndNoAdapter() {
      assertThat(
              imports(
                  "domain",
                  "io\\.quarkus\\.|jakarta\\.|io\\.smallrye\\.|io\\.vertx\\.|org\\.hibernate\\."
                      + "|dev\\.slaservice\\.sla\\.(application|persistence|messaging|rest|webhook|config|runtime)\\."))
          .isEmpty();
    }
  }

  @Nested
  class GivenTheHelpdeskMapping {

    @Test
    void thenItImportsNoFrameworkAndNoStore() {
      assertThat(
              imports(
                  "webhook",
                  "io\\.quarkus\\.|jakarta\\.|io\\.smallrye\\.|io\\.vertx\\.|org\\.hibernate\\."
                      + "|dev\\.slaservice\\.sla\\.(application|persistence|messaging|rest)\\."))
          .isEmpty();
    }
  }

  @Nested
  class GivenTheApplication {

    @Test
    void thenItImportsNoRestResource() {
      assertThat(imports("application", "dev\\.slaservice\\.sla\\.rest\\.")).isEmpty();
    }
  }
}
