package dev.slaservice.sla.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Helpdesk connections whose own webhooks are taken at POST /webhooks/{source}[/{connection}]
 * (prefix {@code sla.webhooks}; docs/webhooks.md). Secrets come from the environment or a mounted
 * file, never from the repository.
 */
@ConfigMapping(prefix = "sla.webhooks")
public interface WebhookConfig {

  /** By connection name (1 to 64 lower-case letters, digits, '-' or '_'). */
  Map<String, Connection> connections();

  interface Connection {
    /** jira, zendesk, zammad or github. */
    String source();

    /**
     * signature (the source's own scheme) or bearer (Jira only: Authorization: Bearer <secret>).
     */
    @WithDefault("signature")
    String auth();

    /** The signing secret (or bearer token); prefer secret-file or an environment variable. */
    Optional<String> secret();

    /**
     * A file holding the secret (e.g. a mounted Kubernetes secret); surrounding whitespace is
     * dropped.
     */
    Optional<Path> secretFile();

    /** Put before the helpdesk's ticket id to form ours; defaults to "<connection name>:". */
    Optional<String> ticketPrefix();

    /** The plan of the tickets this helpdesk opens. */
    String plan();

    /** The plan priority when the helpdesk's priority is not mapped (or absent). */
    String defaultPriority();

    /** Plan priority -> the helpdesk's names for it (GitHub: label names), comma-separated. */
    Map<String, String> priorities();

    /**
     * in-progress, pause, resume, resolve, close -> the helpdesk's status names (GitHub: label
     * names), comma-separated. Zendesk and Zammad have defaults for their standard statuses.
     */
    Map<String, String> statuses();

    Customer customer();

    /** How far Zendesk's signed timestamp may lie from now. */
    @WithDefault("5m")
    Duration maxSkew();

    /** Whether a public agent reply is WorkStarted (the first one meets the response target). */
    @WithDefault("true")
    boolean replyStartsWork();
  }

  interface Customer {
    /** fixed, organization, project, field or requester-domain. */
    @WithDefault("fixed")
    String from();

    /** The customerId for from=fixed. */
    Optional<String> value();

    /** A JSON pointer into the payload, for from=field (or to override where the others look). */
    Optional<String> field();

    /**
     * customerId -> the helpdesk's values for it (organizations, project keys, domains),
     * comma-separated.
     */
    Map<String, String> map();

    /** The customerId when nothing maps. */
    Optional<String> fallback();
  }
}
