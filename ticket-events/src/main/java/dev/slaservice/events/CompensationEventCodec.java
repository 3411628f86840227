package dev.slaservice.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Reads and writes the JSON form of published compensation events. */
public final class CompensationEventCodec {

  private CompensationEventCodec() {
  }

  public static String write(CompensationEvent event) {
    try {
      return EventJson.mapper().writerFor(CompensationEvent.class).writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + event.typeName(), e);
    }
  }

  public static CompensationEvent read(String json) {
    try {
      return EventJson.mapper().readValue(json, CompensationEvent.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
