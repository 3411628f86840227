package dev.slaservice.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SharedLibrariesTest {

  @Nested
  class GivenLddOutputOfTheJavaLauncher {

    static final String JAVA =
        """
        \tlinux-vdso.so.1 (0x00007ffd8a5f2000)
        \tlibz.so.1 => /lib/x86_64-linux-gnu/libz.so.1 (0x00007f6b1f9d0000)
        \tlibjli.so => /opt/runtime/bin/../lib/libjli.so (0x00007f6b1f9c0000)
        \tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f6b1f7df000)
        \t/lib64/ld-linux-x86-64.so.2 (0x00007f6b1fa0b000)
        """;

    @Test
    void thenEveryFileTheLoaderOpensIsNamedAndTheVdsoIsNot() {
      Map<String, Path> libraries = SharedLibraries.parse(JAVA, "java", Set.of());

      assertThat(libraries)
          .containsOnlyKeys(
              "/lib/x86_64-linux-gnu/libz.so.1",
              "/opt/runtime/lib/libjli.so",
              "/lib/x86_64-linux-gnu/libc.so.6",
              "/lib64/ld-linux-x86-64.so.2");
    }
  }

  @Nested
  class GivenAStaticBinary {

    @Test
    void thenItNeedsNothing() {
      assertThat(SharedLibraries.parse("\tstatically linked\n", "jexec", Set.of())).isEmpty();
      assertThat(SharedLibraries.parse("\tnot a dynamic executable\n", "classlist", Set.of()))
          .isEmpty();
    }
  }

  @Nested
  class GivenALibraryThisMachineLacks {

    @Test
    void thenTheBuildStopsNamingIt() {
      assertThatThrownBy(
              () ->
                  SharedLibraries.parse(
                      "\tlibasound.so.2 => not found\n", "libjsound.so", Set.of()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("libjsound.so needs libasound.so.2");
    }

    @Test
    void unlessTheRuntimeHasItItself() {
      assertThat(
              SharedLibraries.parse(
                  "\tlibjvm.so => not found\n\tlibc.so.6 => /lib/libc.so.6 (0x1)\n",
                  "libattach.so",
                  Set.of("libjvm.so")))
          .containsOnlyKeys("/lib/libc.so.6");
    }
  }

  @Nested
  class GivenThisMachinesJavaLauncher {

    @Test
    void thenItsOwnLibrariesAreLeftOutAndGlibcIsIn() {
      Path javaHome = Path.of(System.getProperty("java.home")).normalize();
      Map<String, Path> libraries =
          SharedLibraries.neededBy(List.of(javaHome.resolve("bin/java")), javaHome);

      assertThat(libraries.keySet())
          .anyMatch(name -> name.endsWith("/libc.so.6"))
          .noneMatch(name -> name.endsWith("libjli.so"));
      assertThat(libraries.values()).allMatch(file -> file.toFile().isFile());
    }
  }
}
