package dev.slaservice.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/** A rebuild through the ops API, followed to its end. */
final class RebuildRun {

  private static final ObjectMapper JSON = new ObjectMapper();

  private RebuildRun() {}

  /**
   * Starts a rebuild from scratch and waits for it; @return how long it took, as the service
   * reports it, in ms.
   */
  static double fromScratch(BenchStack stack) {
    String admin = stack.token("admin");
    var started = stack.service().post("/admin/rebuild?fromScratch=true", "", admin);
    if (started.statusCode() != 202) {
      throw new IllegalStateException(
          "the rebuild did not start: " + started.statusCode() + " " + started.body());
    }
    while (true) {
      JsonNode job = read(stack.service().get("/admin/rebuild", admin).body());
      String status = job.path("status").asText();
      if ("SUCCEEDED".equals(status)) {
        System.out.printf(
            "[bench] rebuild: %s tickets, %s customers, %s ms%n",
            job.path("ticketsDone").asText(),
            job.path("customersDone").asText(),
            job.path("tookMillis").asText());
        return job.path("tookMillis").asDouble();
      }
      if (!"RUNNING".equals(status)) {
        throw new IllegalStateException("the rebuild ended " + status + ": " + job);
      }
      Pause.briefly(Duration.ofMillis(200));
    }
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
