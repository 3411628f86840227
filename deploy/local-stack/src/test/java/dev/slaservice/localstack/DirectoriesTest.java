package dev.slaservice.localstack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoriesTest {

  @TempDir Path parent;

  @Test
  void deletesADirectoryWithNestedFilesAndLeavesItsSiblings() throws IOException {
    Path data = Files.createDirectories(parent.resolve("postgres/data/base/1"));
    Files.writeString(data.resolve("16384"), "rows");
    Files.writeString(parent.resolve("postgres/PG_VERSION"), "15");
    Files.createDirectories(parent.resolve("postgres/empty"));
    Path log = Files.writeString(parent.resolve("postgres.log"), "ready");

    Directories.deleteTree(parent.resolve("postgres"));

    assertFalse(Files.exists(parent.resolve("postgres")));
    assertTrue(Files.exists(log));
  }

  @Test
  void aDirectoryThatIsAlreadyGoneIsFine() {
    Directories.deleteTree(parent.resolve("never-made"));

    assertFalse(Files.exists(parent.resolve("never-made")));
    assertTrue(Files.isDirectory(parent));
  }
}
