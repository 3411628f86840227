package dev.slaservice.sla.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignaturesTest {

  private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");

  static String hex(String algorithm, String secret, byte[] body) {
    return HexFormat.of().formatHex(Signatures.hmac(algorithm, secret, body));
  }

  @Test
  void githubSignsTheRawBodyWithSha256() {
    byte[] body = Fixtures.bytes("github-issues_opened.json");
    String good = "sha256=" + hex("HmacSHA256", "s3cret", body);
    assertThat(Signatures.check(Fixtures.github(), Map.of("x-hub-signature-256", good), body, NOW))
        .isEmpty();
    assertThat(
            Signatures.check(
                Fixtures.github(),
                Map.of("x-hub-signature-256", good.toUpperCase().replace("SHA256=", "sha256=")),
                body,
                NOW))
        .isEmpty();
    byte[] tampered = body.clone();
    tampered[tampered.length / 2] ^= 1;
    assertThat(
            Signatures.check(Fixtures.github(), Map.of("x-hub-signature-256", good), tampered, NOW))
        .hasValueSatisfying(r -> assertThat(r).contains("does not match").doesNotContain("s3cret"));
    assertThat(Signatures.check(Fixtures.github(), Map.of(), body, NOW))
        .hasValue("missing X-Hub-Signature-256 header");
    assertThat(
            Signatures.check(
                Fixtures.github(),
                Map.of("x-hub-signature-256", "sha1=" + hex("HmacSHA1", "s3cret", body)),
                body,
                NOW))
        .isPresent();
    assertThat(
            Signatures.check(
                Fixtures.github(), Map.of("x-hub-signature-256", "sha256=zz"), body, NOW))
        .isPresent();
  }

  @Test
  void githubsPublishedExampleVerifies() {
    // docs.github.com "Validating webhook deliveries": secret "It's a Secret to Everybody", payload
    // "Hello, World!"
    byte[] body = "Hello, World!".getBytes(StandardCharsets.UTF_8);
    HelpdeskConnection c = withSecret(Fixtures.github(), "It's a Secret to Everybody");
    assertThat(
            Signatures.check(
                c,
                Map.of(
                    "x-hub-signature-256",
                    "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"),
                body,
                NOW))
        .isEmpty();
  }

  @Test
  void zammadSignsWithSha1AndJiraWithSha256UnderTheSameHeader() {
    byte[] body = Fixtures.bytes("zammad-ticket_opened.json");
    String sha1 = "sha1=" + hex("HmacSHA1", "s3cret", body);
    String sha256 = "sha256=" + hex("HmacSHA256", "s3cret", body);
    assertThat(Signatures.check(Fixtures.zammad(), Map.of("x-hub-signature", sha1), body, NOW))
        .isEmpty();
    assertThat(Signatures.check(Fixtures.zammad(), Map.of("x-hub-signature", sha256), body, NOW))
        .isPresent();
    assertThat(Signatures.check(Fixtures.jira(), Map.of("x-hub-signature", sha256), body, NOW))
        .isEmpty();
    assertThat(Signatures.check(Fixtures.jira(), Map.of("x-hub-signature", sha1), body, NOW))
        .isPresent();
  }

  @Test
  void jiraMayUseABearerTokenInstead() {
    HelpdeskConnection c =
        new HelpdeskConnection(
            "jira-dc",
            WebhookSource.JIRA,
            HelpdeskConnection.Auth.BEARER,
            "tok-123",
            "",
            "websoft9-standard",
            "NORMAL",
            Map.of(),
            Map.of(),
            CustomerRule.fixed("acme"),
            Duration.ofMinutes(5),
            true);
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    assertThat(Signatures.check(c, Map.of("authorization", "Bearer tok-123"), body, NOW)).isEmpty();
    assertThat(Signatures.check(c, Map.of("authorization", "Bearer tok-124"), body, NOW))
        .isPresent();
    assertThat(Signatures.check(c, Map.of(), body, NOW)).isPresent();
  }

  @Test
  void zendeskSignsTimestampAndBodyWithinABoundedSkew() {
    byte[] body = Fixtures.bytes("zendesk-ticket_created.json");
    String stamp = "2026-11-02T09:58:00Z";
    String signature = zendesk("s3cret", stamp, body);
    Map<String, String> headers =
        Map.of(
            "x-zendesk-webhook-signature",
            signature,
            "x-zendesk-webhook-signature-timestamp",
            stamp);
    assertThat(Signatures.check(Fixtures.zendesk(), headers, body, NOW)).isEmpty();
    assertThat(
            Signatures.check(Fixtures.zendesk(), headers, body, NOW.plus(Duration.ofMinutes(10))))
        .hasValueSatisfying(r -> assertThat(r).contains("more than PT5M"));
    assertThat(
            Signatures.check(
                Fixtures.zendesk(),
                Map.of(
                    "x-zendesk-webhook-signature",
                    signature,
                    "x-zendesk-webhook-signature-timestamp",
                    "2026-11-02T09:58:01Z"),
                body,
                NOW))
        .isPresent();
    assertThat(
            Signatures.check(
                Fixtures.zendesk(), Map.of("x-zendesk-webhook-signature", signature), body, NOW))
        .hasValue("missing X-Zendesk-Webhook-Signature-Timestamp header");
  }

  @Test
  void zendesksPublishedExampleVerifies() {
    // developer.zendesk.com "Verifying webhook authenticity" worked example
    HelpdeskConnection c =
        withSecret(Fixtures.zendesk(), "HRkRd4BeOAoUkfZr-mhauJT64rvBASlJRoIyPsd3zeA=");
    byte[] body = "{\"say\": \"hello\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(
            Signatures.check(
                c,
                Map.of(
                    "x-zendesk-webhook-signature",
                    "tRDSF7URY8BLCDlaBcQ7FHu051Zk+aAB0NKMP53teMw=",
                    "x-zendesk-webhook-signature-timestamp",
                    "2021-07-25T10:00:00Z"),
                body,
                Instant.parse("2021-07-25T10:01:00Z")))
        .isEmpty();
  }

  @Test
  void aConnectionWithoutASecretTakesNothing() {
    HelpdeskConnection c = withSecret(Fixtures.github(), "");
    assertThat(
            Signatures.check(
                c,
                Map.of("x-hub-signature-256", "sha256=" + hex("HmacSHA256", "x", new byte[0])),
                new byte[0],
                NOW))
        .isPresent();
  }

  static String zendesk(String secret, String stamp, byte[] body) {
    byte[] signed =
        (stamp + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    return Base64.getEncoder().encodeToString(Signatures.hmac("HmacSHA256", secret, signed));
  }

  private static HelpdeskConnection withSecret(HelpdeskConnection c, String secret) {
    return new HelpdeskConnection(
        c.name(),
        c.source(),
        c.auth(),
        secret,
        c.ticketPrefix(),
        c.plan(),
        c.defaultPriority(),
        c.priorities(),
        c.statuses(),
        c.customer(),
        c.maxSkew(),
        c.replyStartsWork());
  }
}
