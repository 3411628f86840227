package dev.slaservice.sla.webhook;

/**
 * Maps a delivery by its helpdesk's mapper, each given the delivery's connection and its payload to
 * read; a mapper that finds something missing stops ({@link Payloads#requireComplete}) and the
 * answer is what is missing (Malformed). Zammad is not here: its snapshots are compared with the
 * ticket's last one ({@link ZammadMapper#map}).
 */
public final class Mappers {

  private Mappers() {}

  public static WebhookResult map(Delivery delivery) {
    HelpdeskConnection connection = delivery.connection();
    Payloads payload = new Payloads(delivery);
    try {
      return switch (connection.source()) {
        case JIRA -> JiraMapper.map(connection, payload);
        case ZENDESK -> ZendeskMapper.map(connection, payload);
        case GITHUB -> GithubMapper.map(connection, payload);
        case ZAMMAD ->
            throw new IllegalArgumentException(
                "a Zammad delivery is compared with the ticket's last snapshot: use ZammadMapper");
      };
    } catch (Payloads.Incomplete e) {
      return payload.malformed();
    }
  }
}
