package dev.slaservice.sla.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slaservice.events.ReplyVisibility;
import dev.slaservice.events.TicketEvent;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The mappers on the staged payloads, as the helpdesks sent them. */
class MappersTest {

  private static List<TicketEvent> events(WebhookResult result) {
    assertThat(result).isInstanceOf(WebhookResult.Events.class);
    return ((WebhookResult.Events) result).events();
  }

  private static List<String> types(WebhookResult result) {
    return events(result).stream().map(e -> e.getClass().getSimpleName()).toList();
  }

  private static String ignored(WebhookResult result) {
    assertThat(result).isInstanceOf(WebhookResult.Ignored.class);
    return ((WebhookResult.Ignored) result).reason();
  }

  /** Asserts that the first event opens this ticket for this customer at this priority. */
  private static TicketEvent.TicketOpened opens(
      WebhookResult result, String ticketId, String customerId, String priority) {
    TicketEvent.TicketOpened opened = (TicketEvent.TicketOpened) events(result).get(0);
    assertThat(opened.ticketId()).isEqualTo(ticketId);
    assertThat(opened.customerId()).isEqualTo(customerId);
    assertThat(opened.priority()).isEqualTo(priority);
    return opened;
  }

  private static WebhookResult jira(String file, String delivery) {
    Map<String, String> headers =
        delivery == null ? Map.of() : Map.of("X-Atlassian-Webhook-Identifier", delivery);
    return Mappers.map(new Delivery(Fixtures.jira(), headers, Fixtures.json(file)));
  }

  @Test
  void jiraCloudLifeMapsFromTheChangelog() {
    TicketEvent.TicketOpened opened =
        opens(jira("jira-issue_created.json", "d-1"), "jira-main:TES-41", "acme", "HIGH");
    assertThat(opened.planId()).isEqualTo("websoft9-standard");
    assertThat(opened.source()).isEqualTo("jira-main");
    assertThat(opened.eventId()).isEqualTo("jira-main:d-1:0");
    assertThat(opened.occurredAt().toInstant()).isEqualTo(Instant.ofEpochMilli(1550286113023L));

    List<TicketEvent> raised = events(jira("jira-priority_changed.json", "d-2"));
    assertThat(((TicketEvent.PriorityChanged) raised.get(0)).priority()).isEqualTo("HIGH");
    assertThat(types(jira("jira-work_started.json", "d-3"))).containsExactly("WorkStarted");
    assertThat(types(jira("derived/jira-paused.DERIVED.json", "d-4")))
        .containsExactly("TicketPaused");
    assertThat(types(jira("derived/jira-resumed.DERIVED.json", "d-5")))
        .containsExactly("TicketResumed", "WorkStarted");
    assertThat(types(jira("jira-resolved.json", "d-6"))).containsExactly("TicketResolved");
    assertThat(types(jira("jira-reopened.json", "d-7"))).containsExactly("TicketReopened");
    assertThat(types(jira("jira-comment_created.json", "d-8"))).containsExactly("WorkStarted");
  }

  @Test
  void jiraServerVariantsMapTheSameWay() {
    assertThat(types(jira("jira-work_started-server.json", null))).containsExactly("WorkStarted");
    assertThat(types(jira("jira-resolved-server.json", null))).containsExactly("TicketResolved");
    assertThat(types(jira("jira-closed-server.json", null))).containsExactly("TicketClosed");
    assertThat(types(jira("jira-reopened-server.json", null))).containsExactly("TicketReopened");
    assertThat(types(jira("jira-issue_commented-server.json", null)))
        .containsExactly("WorkStarted");
    // without X-Atlassian-Webhook-Identifier the ids still repeat for a repeated delivery
    assertThat(events(jira("jira-closed-server.json", null)).get(0).eventId())
        .isEqualTo(events(jira("jira-closed-server.json", null)).get(0).eventId());
  }

  @Test
  void aRetriedDeliveryGivesTheSameEventIds() {
    assertThat(events(jira("jira-resolved.json", "d-6")))
        .isEqualTo(events(jira("jira-resolved.json", "d-6")));
    assertThat(events(jira("jira-resolved.json", "d-6")).get(0).eventId())
        .isNotEqualTo(events(jira("jira-resolved.json", "d-66")).get(0).eventId());
  }

  @Test
  void jiraIgnoresWhatTheClocksDoNotTrack() {
    var node = (ObjectNode) Fixtures.json("jira-priority_changed.json");
    ((ObjectNode) node.at("/changelog/items/0")).put("toString", "Weird");
    assertThat(ignored(Mappers.map(new Delivery(Fixtures.jira(), Map.of(), node))))
        .contains("priority Weird is not mapped");
    node.put("webhookEvent", "jira:issue_deleted");
    assertThat(ignored(Mappers.map(new Delivery(Fixtures.jira(), Map.of(), node))))
        .contains("jira:issue_deleted");
  }

  @Test
  void aPayloadOfAnotherShapeNamesWhatIsMissing() {
    WebhookResult result =
        Mappers.map(
            new Delivery(Fixtures.jira(), Map.of(), Fixtures.json("zendesk-ticket_created.json")));
    assertThat(result).isInstanceOf(WebhookResult.Malformed.class);
    assertThat(((WebhookResult.Malformed) result).missing())
        .contains("/webhookEvent is missing", "/timestamp is missing", "/issue/key is missing");
    WebhookResult zendesk =
        Mappers.map(
            new Delivery(Fixtures.zendesk(), Map.of(), Fixtures.json("github-issues_opened.json")));
    assertThat(((WebhookResult.Malformed) zendesk).missing())
        .contains("/type is missing", "/detail/id is missing");
  }

  private static WebhookResult zendesk(String file) {
    return Mappers.map(new Delivery(Fixtures.zendesk(), Map.of(), Fixtures.json(file)));
  }

  @Test
  void zendeskMapsTypeAndStatusChanges() {
    TicketEvent.TicketOpened opened =
        opens(zendesk("zendesk-ticket_created.json"), "zendesk:5158", "acme", "NORMAL");
    assertThat(opened.eventId()).isEqualTo("zendesk:cbe4028c-7239-495d-b020-f22348516046:0");
    assertThat(opened.occurredAt())
        .isEqualTo(OffsetDateTime.parse("2025-01-08T10:12:07.672717030Z"));
    assertThat(
            ((TicketEvent.PriorityChanged)
                    events(zendesk("derived/zendesk-priority_changed.DERIVED.json")).get(0))
                .priority())
        .isEqualTo("HIGH");
  }

  @ParameterizedTest
  @CsvSource({
    "status_pending, TicketPaused",
    "status_hold, TicketPaused",
    "status_resumed, TicketResumed",
    "status_solved, TicketResolved",
    "status_reopened, TicketReopened",
    "status_closed, TicketClosed",
    "comment_added_first_response, WorkStarted"
  })
  void zendeskMapsEachStatusChangeAndTheFirstResponseToOneEvent(String change, String type) {
    assertThat(types(zendesk("derived/zendesk-" + change + ".DERIVED.json"))).containsExactly(type);
  }

  private static WebhookResult github(String event, String file) {
    return Mappers.map(
        new Delivery(
            Fixtures.github(),
            Map.of("X-GitHub-Event", event, "X-GitHub-Delivery", "g-" + file),
            Fixtures.json(file)));
  }

  @Test
  void githubIssuesMapOpenedClosedReopenedAndLabels() {
    TicketEvent.TicketOpened opened =
        opens(
            github("issues", "github-issues_opened.json"),
            "gh:Codertocat:Hello-World#1",
            "acme",
            "HIGH");
    assertThat(opened.occurredAt()).isEqualTo(OffsetDateTime.parse("2019-05-15T15:20:18Z"));
    assertThat(types(github("issues", "github-issues_closed.json")))
        .containsExactly("TicketResolved");
    assertThat(types(github("issues", "github-issues_reopened.json")))
        .containsExactly("TicketReopened");
    assertThat(types(github("issues", "github-issues_labeled.json")))
        .containsExactly("PriorityChanged");
    assertThat(ignored(github("issues", "github-issues_unlabeled.json")))
        .contains("removing the priority label bug");
    // the commenter is the issue's author: the customer's reply
    assertThat(types(github("issue_comment", "github-issue_comment_created.json")))
        .containsExactly("CustomerReplied");
    assertThat(ignored(github("push", "github-issues_opened.json"))).contains("push");
    assertThat(
            Mappers.map(
                new Delivery(
                    Fixtures.github(), Map.of(), Fixtures.json("github-issues_opened.json"))))
        .isInstanceOf(WebhookResult.Malformed.class);
  }

  /** The staged comment, written by another user with the given association. */
  private static WebhookResult githubComment(String association, String userType) {
    ObjectNode payload = (ObjectNode) Fixtures.json("github-issue_comment_created.json");
    ObjectNode comment = (ObjectNode) payload.get("comment");
    comment.put("author_association", association);
    ((ObjectNode) comment.get("user")).put("id", 424242).put("type", userType);
    return Mappers.map(
        new Delivery(
            Fixtures.github(),
            Map.of("X-GitHub-Event", "issue_comment", "X-GitHub-Delivery", "c-" + association),
            payload));
  }

  @Test
  void githubCommentsAreRepliesOfTheCustomerOrOfAnAgent() {
    List<TicketEvent> agent = events(githubComment("MEMBER", "User"));
    assertThat(agent)
        .map(e -> e.getClass().getSimpleName())
        .containsExactly("AgentReplied", "WorkStarted");
    TicketEvent.AgentReplied reply = (TicketEvent.AgentReplied) agent.get(0);
    assertThat(reply.visibility()).isEqualTo(ReplyVisibility.PUBLIC);
    assertThat(reply.occurredAt()).isEqualTo(OffsetDateTime.parse("2019-05-15T15:20:21Z"));
    assertThat(types(githubComment("CONTRIBUTOR", "User"))).containsExactly("CustomerReplied");
    assertThat(types(githubComment("NONE", "User"))).containsExactly("CustomerReplied");
    assertThat(ignored(githubComment("MEMBER", "Bot"))).contains("bot");
  }

  @Test
  void githubOrganizationRuleReadsTheOrganizationElseTheOwner() {
    HelpdeskConnection c = Fixtures.github();
    HelpdeskConnection byOrg =
        new HelpdeskConnection(
            c.name(),
            c.source(),
            c.auth(),
            c.secret(),
            c.ticketPrefix(),
            c.plan(),
            c.defaultPriority(),
            Map.of(),
            Map.of(),
            new CustomerRule(CustomerRule.Kind.ORGANIZATION, null, null, Map.of(), null),
            c.maxSkew(),
            true);
    Map<String, String> headers = Map.of("X-GitHub-Event", "issues", "X-GitHub-Delivery", "x");
    assertThat(
            ((TicketEvent.TicketOpened)
                    events(
                            Mappers.map(
                                new Delivery(
                                    byOrg,
                                    headers,
                                    Fixtures.json("github-issues_opened-org.json"))))
                        .get(0))
                .customerId())
        .isEqualTo("Octocoders");
    assertThat(
            ((TicketEvent.TicketOpened)
                    events(
                            Mappers.map(
                                new Delivery(
                                    byOrg, headers, Fixtures.json("github-issues_opened.json"))))
                        .get(0))
                .customerId())
        .isEqualTo("Codertocat");
  }

  @Test
  void zammadDerivesEventsFromTheDifferenceToTheLastSnapshot() {
    Delivery first =
        new Delivery(
            Fixtures.zammad(),
            Map.of("X-Zammad-Delivery", "z-1"),
            Fixtures.json("zammad-ticket_opened.json"));
    ZammadMapper.Outcome opened = ZammadMapper.map(first, Optional.empty());
    TicketEvent.TicketOpened event = opens(opened.result(), "zammad:10081", "acme", "NORMAL");
    assertThat(event.occurredAt()).isEqualTo(OffsetDateTime.parse("2020-11-13T14:34:35.282Z"));
    ZammadSnapshot seen = opened.snapshot();
    assertThat(seen)
        .isEqualTo(
            new ZammadSnapshot(
                "open", "2 normal", false, OffsetDateTime.parse("2020-11-13T14:34:35.333Z")));
    // the same snapshot again (a retry): nothing changed
    assertThat(ignored(ZammadMapper.map(first, Optional.of(seen)).result()))
        .contains("changes nothing");

    ZammadMapper.Outcome raised = zammad("zammad-priority_changed", seen);
    assertThat(((TicketEvent.PriorityChanged) events(raised.result()).get(0)).priority())
        .isEqualTo("HIGH");
    // the derived snapshots each change one thing against the opened one
    ZammadMapper.Outcome answered = zammad("zammad-first_response", seen);
    assertThat(types(answered.result())).containsExactly("WorkStarted");
    ZammadMapper.Outcome paused = zammad("zammad-paused", answered.snapshot());
    assertThat(types(paused.result())).containsExactly("TicketPaused");
    ZammadMapper.Outcome closed =
        zammad("zammad-closed", zammad("zammad-resumed", paused.snapshot()).snapshot());
    assertThat(types(closed.result())).containsExactly("TicketClosed");
    assertThat(
            types(
                zammad(
                        "zammad-reopened",
                        new ZammadSnapshot(
                            "closed",
                            "2 normal",
                            true,
                            OffsetDateTime.parse("2020-11-13T15:00:00Z")))
                    .result()))
        .containsExactly("TicketReopened");
    // an older snapshot than the last one seen is ignored
    assertThat(ignored(zammad("zammad-priority_changed", closed.snapshot()).result()))
        .contains("older");
  }

  private static ZammadMapper.Outcome zammad(String name, ZammadSnapshot previous) {
    return ZammadMapper.map(
        new Delivery(
            Fixtures.zammad(),
            Map.of("X-Zammad-Delivery", name),
            Fixtures.json("derived/" + name + ".DERIVED.json")),
        Optional.of(previous));
  }
}
