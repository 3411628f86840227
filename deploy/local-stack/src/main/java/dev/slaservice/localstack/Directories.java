package dev.slaservice.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Removing the throwaway directories that tests and benchmarks give the servers. */
public final class Directories {

  private Directories() {}

  /** Deletes {@code dir} and everything under it; a directory that is already gone is fine. */
  public static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    List<Path> deepestFirst;
    try (Stream<Path> walk = Files.walk(dir)) {
      deepestFirst = walk.sorted(Comparator.reverseOrder()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + " to delete it", e);
    }
    for (Path path : deepestFirst) {
      try {
        Files.deleteIfExists(path);
      } catch (NoSuchFileException gone) {
        // a server removed it while stopping
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete " + path, e);
      }
    }
  }
}
