package dev.slaservice.sla.messaging;

import dev.slaservice.sla.config.SlaConfig;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.ClientCustomizer;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberToRemove;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The projection consumers join their group as static members ({@code group.instance.id}), named
 * after this instance and each consumer's index. A restarted instance gets its partitions back at
 * once; a crashed one that does not come back holds them until its session times out. On a graceful
 * stop the members leave the group, as dynamic members do, so a scale-down or a rolling update
 * hands their partitions over at once (docs/adr/0010).
 */
@ApplicationScoped
public class StaticGroupMembership implements ClientCustomizer<Map<String, Object>> {

  private static final Logger LOG = Logger.getLogger(StaticGroupMembership.class);
  private static final Duration LEAVE_TIMEOUT = Duration.ofSeconds(3);

  private final Optional<String> instanceId;
  private final Map<String, Object> kafka;

  /** Group id → the instance ids this instance's consumers joined it with. */
  private final Map<String, Set<String>> joined = new ConcurrentHashMap<>();

  @Inject
  public StaticGroupMembership(
      SlaConfig config,
      @ConfigProperty(name = "quarkus.http.port") int httpPort,
      @Identifier("default-kafka-broker") Map<String, Object> kafka) {
    this(
        config.consumer().staticMembership()
            ? Optional.of(
                config.consumer().instanceId().orElseGet(() -> hostName() + "-" + httpPort))
            : Optional.empty(),
        kafka);
  }

  StaticGroupMembership(Optional<String> instanceId, Map<String, Object> kafka) {
    this.instanceId = instanceId;
    this.kafka = kafka;
  }

  @Override
  public Map<String, Object> customize(
      String channel, Config channelConfig, Map<String, Object> config) {
    Object group = config.get(ConsumerConfig.GROUP_ID_CONFIG);
    Optional<String> member = instanceId.flatMap(id -> memberName(id, channel));
    if (member.isEmpty()
        || group == null
        || config.containsKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)) {
      return config;
    }
    config.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, member.get());
    joined.computeIfAbsent(group.toString(), g -> ConcurrentHashMap.newKeySet()).add(member.get());
    LOG.infof(
        "consumer %s joins group %s as static member %s",
        config.get(ConsumerConfig.CLIENT_ID_CONFIG), group, member.get());
    return config;
  }

  /**
   * The member name of a projection consumer: the instance id, plus the consumer's number where the
   * connector runs several ({@code ticket-events-in$1}, {@code ticket-events-in$2}, …); none for
   * the other channels.
   */
  static Optional<String> memberName(String instanceId, String channel) {
    if (channel.equals(Channels.TICKET_EVENTS_IN)) {
      return Optional.of(instanceId);
    }
    String numbered = Channels.TICKET_EVENTS_IN + "$";
    if (channel.startsWith(numbered)
        && channel.length() > numbered.length()
        && channel.substring(numbered.length()).chars().allMatch(Character::isDigit)) {
      return Optional.of(instanceId + "-" + channel.substring(numbered.length()));
    }
    return Optional.empty();
  }

  /** The static members this instance joined with, by group. */
  Map<String, Set<String>> joined() {
    return Map.copyOf(joined);
  }

  /**
   * After the connector closed the consumers (priority 50): static members do not leave by
   * themselves.
   */
  void leave(@Observes @Priority(100) @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
    if (joined.isEmpty()) {
      return;
    }
    Map<String, Object> settings = new HashMap<>(kafka);
    settings.put(AdminClientConfig.CLIENT_ID_CONFIG, "sla-group-leave");
    settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) LEAVE_TIMEOUT.toMillis());
    settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) LEAVE_TIMEOUT.toMillis());
    try (Admin admin = Admin.create(settings)) {
      joined.forEach((group, members) -> leave(admin, group, members));
    }
  }

  private static void leave(Admin admin, String group, Set<String> members) {
    List<MemberToRemove> leaving = members.stream().map(MemberToRemove::new).toList();
    try {
      admin
          .removeMembersFromConsumerGroup(group, new RemoveMembersFromConsumerGroupOptions(leaving))
          .all()
          .get(LEAVE_TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
      LOG.infof("static members %s left group %s", members, group);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // the members stay until their session times out: a delay for the other instances, no loss
      LOG.warnf("static members %s could not leave group %s: %s", members, group, e.toString());
    }
  }

  private static String hostName() {
    String fromEnv = System.getenv("HOSTNAME");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv.strip();
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
