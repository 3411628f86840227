package dev.slaservice.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** The JSON settings of the contract: ISO-8601 text for every time, offsets kept as sent. */
public final class EventJson {

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .addModule(IsoTimes.module())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
          .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          // money: decimals are read as BigDecimal with their scale, never through a double
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
          .build();

  private EventJson() {}

  /** A mapper configured for the contract; share it, it is thread-safe. */
  public static JsonMapper mapper() {
    return MAPPER;
  }

  /**
   * The JSON of {@code value} written as {@code type}, so a polymorphic type's {@code type}
   * property is included.
   */
  public static <T> String write(T value, Class<T> type) {
    try {
      return MAPPER.writerFor(type).writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  /**
   * The instant an ISO-8601 text with an offset names, read as the mapper reads it: the service's
   * own form without java.time's general formatter, any other form through {@link Instant#parse}.
   */
  public static Instant instant(String text) {
    OffsetDateTime time = IsoTimes.offsetDateTime(text);
    return time != null ? time.toInstant() : OffsetDateTime.parse(text).toInstant();
  }

  public static <T> T read(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
