package dev.slaservice.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Reads and writes the JSON form of published SLA events. */
public final class SlaEventCodec {

  private SlaEventCodec() {
  }

  public static String write(SlaEvent event) {
    try {
      return EventJson.mapper().writerFor(SlaEvent.class).writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + event.typeName(), e);
    }
  }

  public static SlaEvent read(String json) {
    try {
      return EventJson.mapper().readValue(json, SlaEvent.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
