package dev.slaservice.sla.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.slaservice.events.CompensationEvent;
import dev.slaservice.events.SlaEvent;
import dev.slaservice.sla.messaging.DeadLetters;
import dev.slaservice.sla.messaging.Topics;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * asyncapi.yaml describes every topic, every type on it as the service routes them, and their
 * schemas.
 */
class AsyncApiTest {

  private static JsonNode document() throws Exception {
    return new ObjectMapper(new YAMLFactory()).readTree(Path.of("..", "asyncapi.yaml").toFile());
  }

  private static JsonNode channel(JsonNode doc, String address) {
    for (JsonNode channel : doc.get("channels")) {
      if (address.equals(channel.get("address").asText())) {
        return channel;
      }
    }
    throw new AssertionError("asyncapi.yaml has no channel for " + address);
  }

  @Test
  void everyTopicIsAChannelAndEveryChannelATopic() throws Exception {
    Set<String> addresses = new TreeSet<>();
    document().get("channels").forEach(c -> addresses.add(c.get("address").asText()));
    assertThat(addresses).containsExactlyInAnyOrderElementsOf(Topics.ALL);
  }

  @Test
  void everyPublishedTypeIsListedOnTheTopicTheServicePublishesItOn() throws Exception {
    JsonNode doc = document();
    for (Class<?> type : SlaEvent.class.getPermittedSubclasses()) {
      String topic = Topics.of((SlaEvent) blank(type));
      assertThat(channel(doc, topic).get("messages").has(type.getSimpleName()))
          .as(type + " on " + topic)
          .isTrue();
    }
    for (Class<?> type : CompensationEvent.class.getPermittedSubclasses()) {
      assertThat(channel(doc, Topics.SLA_COMPENSATIONS).get("messages").has(type.getSimpleName()))
          .isTrue();
    }
  }

  @Test
  void everyMessageSchemaIsAShippedFileAndPublishedMessagesAreCloudEvents() throws Exception {
    List<String> findings = new ArrayList<>();
    document()
        .get("components")
        .get("messages")
        .fields()
        .forEachRemaining(
            entry -> {
              JsonNode schema = entry.getValue().path("payload").path("schema");
              if (schema.has("$ref") && !Files.exists(Path.of("..", schema.get("$ref").asText()))) {
                findings.add(entry.getKey() + ": no file " + schema.get("$ref").asText());
              }
              boolean published =
                  entry.getKey().startsWith("Sla")
                      || entry.getKey().startsWith("Compensation")
                          && !entry.getKey().equals("CompensationClaimed");
              if (published && !entry.getValue().path("traits").toString().contains("CloudEvent")) {
                findings.add(entry.getKey() + ": published messages carry the CloudEvent headers");
              }
            });
    assertThat(findings).isEmpty();
  }

  @Test
  void theDeadLetterHeadersAreTheOnesTheServiceWrites() throws Exception {
    JsonNode headers =
        document()
            .get("components")
            .get("messages")
            .get("DeadLetter")
            .get("headers")
            .get("properties");
    assertThat(
            headers.has(DeadLetters.REASON)
                && headers.has(DeadLetters.ORIGINAL_TOPIC)
                && headers.has(DeadLetters.ORIGINAL_PARTITION)
                && headers.has(DeadLetters.ORIGINAL_OFFSET))
        .isTrue();
  }

  /**
   * An instance of a record type with every component zero or null: enough to ask where it is
   * routed.
   */
  private static Object blank(Class<?> type) throws Exception {
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      values[i] = types[i] == int.class ? 0 : types[i] == boolean.class ? false : null;
    }
    Constructor<?> constructor = type.getDeclaredConstructor(types);
    return constructor.newInstance(values);
  }
}
