package dev.slaservice.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ExternalServersTest {

  /** Asserts which servers the local run takes as given (empty: it starts its own). */
  private static void assertGiven(
      Map<String, String> environment, Optional<String> kafka, Optional<String> postgres) {
    ExternalServers external = ExternalServers.from(environment);
    assertEquals(kafka, external.kafka(), "Kafka");
    assertEquals(postgres, external.postgres(), "PostgreSQL");
  }

  @Nested
  class GivenNothingInTheEnvironment {
    @Test
    void thenTheLocalRunStartsBothServers() {
      assertGiven(
          Map.of("QUARKUS_DATASOURCE_USERNAME", "owner", "SLA_DB_HOST", " "),
          Optional.empty(),
          Optional.empty());
    }
  }

  @Nested
  class GivenTheProjectsOwnVariables {
    @Test
    void thenPostgresIsTheOneAtSlaDbHost() {
      assertGiven(
          Map.of("SLA_DB_HOST", "db.internal", "SLA_DB_PORT", "5433"),
          Optional.empty(),
          Optional.of("db.internal (SLA_DB_HOST)"));
    }
  }

  @Nested
  class GivenQuarkusOwnVariables {
    @Test
    void thenTheReactiveUrlAloneNamesPostgres() {
      ExternalServers external =
          ExternalServers.from(
              Map.of(
                  "QUARKUS_DATASOURCE_REACTIVE_URL",
                  "postgresql://db.internal:5433/sla",
                  "QUARKUS_DATASOURCE_USERNAME",
                  "owner"));
      assertEquals(
          Optional.of("postgresql://db.internal:5433/sla (QUARKUS_DATASOURCE_REACTIVE_URL)"),
          external.postgres());
    }

    @Test
    void thenBothUrlsTogetherNamePostgres() {
      ExternalServers external =
          ExternalServers.from(
              Map.of(
                  "QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://db.internal:5433/sla",
                  "QUARKUS_DATASOURCE_JDBC_URL",
                      "jdbc:postgresql://db.internal:5433/sla?sslmode=verify-full"));
      assertTrue(external.postgres().isPresent());
    }

    @Test
    void thenAJdbcUrlAloneIsRefusedSayingWhatToSet() {
      IllegalArgumentException refused =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  ExternalServers.from(
                      Map.of(
                          "QUARKUS_DATASOURCE_JDBC_URL",
                          "jdbc:postgresql://db.internal:5433/sla")));
      assertTrue(
          refused.getMessage().contains("QUARKUS_DATASOURCE_REACTIVE_URL"), refused.getMessage());
      assertTrue(refused.getMessage().contains("SLA_DB_HOST"), refused.getMessage());
    }
  }

  @Nested
  class GivenKafkaBootstrapServers {
    @Test
    void thenKafkaIsTheOneGiven() {
      assertGiven(
          Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka-0:9092,kafka-1:9092"),
          Optional.of("kafka-0:9092,kafka-1:9092"),
          Optional.empty());
    }
  }
}
