package dev.slaservice.sla.process;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;

/**
 * The base of the process tier's JUnit tests: one stack and one running service per test class,
 * started by the class's {@code @BeforeAll} through {@link #startStack} and stopped after it.
 */
abstract class PackagedServiceTest {

  static ProcessStack stack;
  static ServiceProcess service;

  /** Starts Kafka (a child process when the test stops it), PostgreSQL and one service instance. */
  static void startStack(String name, boolean kafkaAsProcess) {
    stack = ProcessStack.start(name, kafkaAsProcess);
    service = stack.service("service", Map.of());
    service.start();
  }

  @AfterAll
  static void stopStack() {
    if (stack != null) {
      stack.close();
      stack = null;
    }
  }
}
