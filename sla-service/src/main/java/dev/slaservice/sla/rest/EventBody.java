package dev.slaservice.sla.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.slaservice.events.EventJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A POST /events body read in one pass: each element of a batch (or the one event) as a tree, with
 * the text it was sent as, so that text can go on the topic without writing the event again. Reads
 * what the mapper's {@code readTree} of the whole body reads, token for token: the same trees, the
 * same parser errors, and nothing after the first JSON value.
 *
 * @param single whether the body is one JSON object rather than an array
 * @param objectOrArray whether the body is a JSON object or array at all
 * @param elements the array's elements, or the one object; empty when the body is neither
 */
record EventBody(boolean single, boolean objectOrArray, List<Element> elements) {

  /**
   * One element of the body.
   *
   * @param text the element's own text in the body when it is a JSON object, else null
   */
  record Element(JsonNode node, String text) {}

  /**
   * @throws JsonProcessingException when the body is not JSON, as {@code readTree} would
   */
  static EventBody read(String body) throws JsonProcessingException {
    try (JsonParser parser = EventJson.mapper().createParser(body)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        // readTree's answer to no content is a missing node: neither an object nor an array
        return new EventBody(false, false, List.of());
      }
      if (first != JsonToken.START_ARRAY) {
        Element root = element(body, parser);
        boolean object = root.text() != null;
        return new EventBody(object, object, object ? List.of(root) : List.of());
      }
      List<Element> elements = new ArrayList<>();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        elements.add(element(body, parser));
      }
      return new EventBody(false, true, elements);
    } catch (JsonProcessingException e) {
      throw e;
    } catch (IOException e) {
      // text held in memory has no I/O to fail
      throw new UncheckedIOException(e);
    }
  }

  /** The value that starts at the parser's current token, read to its end. */
  private static Element element(String body, JsonParser parser) throws IOException {
    boolean object = parser.hasToken(JsonToken.START_OBJECT);
    long start = parser.currentTokenLocation().getCharOffset();
    JsonNode node = EventJson.mapper().readTree(parser);
    return new Element(
        node,
        object
            ? body.substring((int) start, (int) parser.currentLocation().getCharOffset())
            : null);
  }
}
