package dev.slaservice.sla.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The service's own settings (prefix {@code sla.}); see application.properties. */
@ConfigMapping(prefix = "sla")
public interface SlaConfig {

  Intake intake();

  Timers timers();

  Outbox outbox();

  Compensation compensation();

  Db db();

  Consumer consumer();

  /**
   * Where PostgreSQL is; the datasource URLs are built from these (env SLA_DB_HOST, SLA_DB_PORT,
   * SLA_DB_NAME).
   */
  interface Db {
    String host();

    int port();

    String name();
  }

  /** The projection consumers' membership of their Kafka consumer group (docs/adr/0010). */
  interface Consumer {
    /**
     * Static group membership: after a crash, the instance's consumers take their partitions back
     * as soon as they rejoin, instead of waiting for the dead members' session to time out.
     */
    @WithDefault("true")
    boolean staticMembership();

    /**
     * This instance's name in the group, stable across its restarts and unique among the live
     * instances (env SLA_CONSUMER_INSTANCE_ID); by default the host name and the HTTP port.
     */
    Optional<String> instanceId();
  }

  interface Intake {
    /** How long POST /events waits for Kafka to acknowledge before answering 503. */
    @WithDefault("4s")
    Duration ackTimeout();

    /**
     * Bytes of a request body at most (413 above); the HTTP server's own limit is higher, as a last
     * guard.
     */
    @WithDefault("2097152")
    long maxBodyBytes();

    /** Events in one POST /events request at most. */
    @WithDefault("1000")
    int maxBatch();

    /**
     * How long the intake waits for the subscriptions of the customers whose tickets open (ADR
     * 0013). Past it (PostgreSQL down), openings that name their plan go on unchecked, for the
     * consumer to check, and a request with a planless opening is answered 503.
     */
    @WithDefault("1s")
    Duration subscriptionTimeout();

    /** Seconds a client is told to wait (Retry-After) when Kafka cannot take events. */
    @WithDefault("5")
    int retryAfterSeconds();

    /** The topic accepted events are published on. */
    @WithDefault("ticket-events")
    String topic();

    /**
     * Kafka producer settings of the intake (client keys, e.g. {@code linger.ms}), over the kafka.*
     * ones; acks=all and idempotence are not settings, they are what a 202 promises.
     */
    Map<String, String> producer();
  }

  interface Timers {
    /** How often due deadlines and warnings are looked for. */
    @WithDefault("250ms")
    Duration pollInterval();

    /** Tickets fired in one transaction at most. */
    @WithDefault("500")
    int batchSize();
  }

  interface Compensation {
    /**
     * How often the customers queued by breaches, claims and subscription changes are looked for.
     */
    @WithDefault("250ms")
    Duration pollInterval();

    /** Customers whose statements are re-computed in one transaction at most. */
    @WithDefault("32")
    int batchSize();

    /**
     * How long a queued customer waits before its statement is re-computed: the breaches, claims
     * and exclusions of that time are re-computed together.
     */
    @WithDefault("2s")
    Duration settleTime();
  }

  interface Outbox {
    @WithDefault("200ms")
    Duration pollInterval();

    @WithDefault("500")
    int batchSize();

    /**
     * How long a Kafka call of the relay may block (send, commit, recovery) before it tries again.
     */
    @WithDefault("10s")
    Duration ackTimeout();

    /**
     * The relay's Kafka transactional id; every instance uses the same one, so a new relay fences
     * the old.
     */
    @WithDefault("sla-service-outbox-relay")
    String transactionalId();

    /**
     * Where the relay records which outbox ids each of its transactions published (docs/adr/0005).
     */
    @WithDefault("sla-outbox-progress")
    String progressTopic();
  }
}
