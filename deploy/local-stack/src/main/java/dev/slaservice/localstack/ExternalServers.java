package dev.slaservice.localstack;

import java.util.Map;
import java.util.Optional;

/**
 * Which servers the local run is given instead of starting its own, read from the environment.
 * PostgreSQL is given by either family of settings, each on its own: the project's {@code
 * SLA_DB_HOST} (with {@code SLA_DB_PORT}, {@code SLA_DB_NAME}) or Quarkus' own {@code
 * QUARKUS_DATASOURCE_REACTIVE_URL} (the JDBC URL that Flyway migrates with follows it unless {@code
 * QUARKUS_DATASOURCE_JDBC_URL} is set too); the user and password come from {@code
 * QUARKUS_DATASOURCE_USERNAME} and {@code QUARKUS_DATASOURCE_PASSWORD}. Kafka is given by {@code
 * KAFKA_BOOTSTRAP_SERVERS}. The service reads the same variables itself, so the local run passes it
 * nothing for a server it was given.
 */
public record ExternalServers(Optional<String> kafka, Optional<String> postgres) {

  static final String KAFKA_BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";
  static final String SLA_DB_HOST = "SLA_DB_HOST";
  static final String REACTIVE_URL = "QUARKUS_DATASOURCE_REACTIVE_URL";
  static final String JDBC_URL = "QUARKUS_DATASOURCE_JDBC_URL";

  /**
   * @throws IllegalArgumentException when PostgreSQL is given half-way: a JDBC URL alone would
   *     migrate one database while the service runs on another
   */
  public static ExternalServers from(Map<String, String> env) {
    Optional<String> kafka = value(env, KAFKA_BOOTSTRAP_SERVERS);
    Optional<String> host = value(env, SLA_DB_HOST);
    Optional<String> reactiveUrl = value(env, REACTIVE_URL);
    Optional<String> jdbcUrl = value(env, JDBC_URL);
    if (jdbcUrl.isPresent() && reactiveUrl.isEmpty() && host.isEmpty()) {
      throw new IllegalArgumentException(
          JDBC_URL
              + " is set but "
              + REACTIVE_URL
              + " is not: the service migrates"
              + " with JDBC and runs on the reactive client, so set both (or "
              + SLA_DB_HOST
              + ", SLA_DB_PORT and"
              + " SLA_DB_NAME)");
    }
    Optional<String> postgres =
        reactiveUrl
            .map(url -> url + " (" + REACTIVE_URL + ")")
            .or(() -> host.map(h -> h + " (" + SLA_DB_HOST + ")"));
    return new ExternalServers(kafka, postgres);
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
  }
}
