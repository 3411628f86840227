package dev.slaservice.sla.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.slaservice.localstack.TokenIssuer;
import dev.slaservice.sla.rest.VerifiedTokens;
import dev.slaservice.sla.support.SlaStackResource;
import dev.slaservice.sla.support.Tokens;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Walks every operation of openapi.yaml with no token, bad tokens, a token of the wrong roles and a
 * token of each right role, so an endpoint cannot ship unprotected or with other roles than its
 * contract says.
 */
@QuarkusTest
@QuarkusTestResource(SlaStackResource.class)
class AccessControlTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TestHTTPResource("/")
  URI base;

  @Inject JWTParser tokenParser;

  record Operation(String method, String path, Set<String> roles) {
    URI uri(URI base) {
      String concrete = path.replaceAll("\\{[^}]+}", "access-probe");
      String query =
          path.endsWith("/due")
              ? "?start=2026-11-20T09:00:00Z&duration=PT1H"
              : path.endsWith("/compensation") ? "?month=2026-11" : "";
      return base.resolve(concrete.substring(1) + query);
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  @Test
  void everyOperationRefusesMissingAndBadTokens() throws Exception {
    TokenIssuer stranger = TokenIssuer.generate();
    Map<String, Optional<String>> badTokens =
        Map.of(
            "no token", Optional.empty(),
            "not a JWT", Optional.of("not-a-token"),
            "signed by another key",
                Optional.of(
                    stranger.issue("mallory", Tokens.EVERY_ROLE, null, Duration.ofHours(1))),
            "expired",
                Optional.of(
                    Tokens.issuer()
                        .sign(
                            TokenIssuer.ISSUER,
                            "late",
                            Tokens.EVERY_ROLE,
                            null,
                            Instant.now().minus(Duration.ofHours(3)),
                            Duration.ofHours(1))),
            "another issuer",
                Optional.of(
                    Tokens.issuer()
                        .sign(
                            "https://elsewhere.example/issuer",
                            "other",
                            Tokens.EVERY_ROLE,
                            null,
                            Instant.now(),
                            Duration.ofHours(1))));
    List<String> findings = new ArrayList<>();
    for (Operation operation : operations()) {
      for (var bad : badTokens.entrySet()) {
        HttpResponse<String> answer = call(operation, bad.getValue());
        if (answer.statusCode() != 401
            || !answer
                .headers()
                .firstValue("Content-Type")
                .orElse("")
                .startsWith("application/problem+json")
            || !answer.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer")) {
          findings.add(
              operation
                  + " with "
                  + bad.getKey()
                  + ": "
                  + answer.statusCode()
                  + " "
                  + answer.headers().firstValue("Content-Type").orElse("")
                  + " "
                  + answer.body());
        }
      }
    }
    assertThat(findings).isEmpty();
  }

  @Test
  void everyOperationAdmitsExactlyItsRoles() throws Exception {
    List<String> findings = new ArrayList<>();
    for (Operation operation : operations()) {
      Set<String> others = new TreeSet<>(Tokens.EVERY_ROLE);
      others.removeAll(operation.roles());
      if (!others.isEmpty()) {
        HttpResponse<String> wrong =
            call(operation, Optional.of(Tokens.of(others.toArray(String[]::new))));
        if (wrong.statusCode() != 403
            || !wrong
                .headers()
                .firstValue("Content-Type")
                .orElse("")
                .startsWith("application/problem+json")) {
          findings.add(
              operation + " with roles " + others + ": " + wrong.statusCode() + " " + wrong.body());
        }
      }
      for (String role : operation.roles()) {
        HttpResponse<String> right = call(operation, Optional.of(Tokens.of(role)));
        if (right.statusCode() == 401 || right.statusCode() == 403 || right.statusCode() >= 500) {
          findings.add(
              operation + " with role " + role + ": " + right.statusCode() + " " + right.body());
        }
      }
    }
    assertThat(findings).isEmpty();
    // the admin walk started a rebuild; let it end so later tests can start their own
    await()
        .atMost(Duration.ofMinutes(2))
        .until(
            () ->
                !call(
                        new Operation("GET", "/admin/rebuild", Set.of()),
                        Optional.of(Tokens.of("ops")))
                    .body()
                    .contains("\"RUNNING\""));
  }

  @Test
  void requestsAreCheckedByTheParserThatRemembersVerifiedTokens() {
    assertThat(ClientProxy.unwrap(tokenParser)).isInstanceOf(VerifiedTokens.class);
  }

  @Test
  void healthAndTheApiDocumentsNeedNoToken() throws Exception {
    for (String path :
        List.of("/q/health/ready", "/q/health/live", "/q/openapi", "/q/swagger-ui/")) {
      HttpResponse<String> answer =
          HTTP.send(
              HttpRequest.newBuilder(base.resolve(path.substring(1))).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(path).isEqualTo(200);
    }
  }

  @Test
  void metricsNeedAReadingRole() throws Exception {
    Operation metrics = new Operation("GET", "/q/metrics", Set.of());
    assertThat(call(metrics, Optional.empty()).statusCode()).isEqualTo(401);
    assertThat(call(metrics, Optional.of(Tokens.of("helpdesk"))).statusCode()).isEqualTo(403);
    assertThat(call(metrics, Optional.of(Tokens.of("ops"))).statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> call(Operation operation, Optional<String> token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(operation.uri(base))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .method(
                operation.method(),
                operation.method().equals("GET")
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString("{}"));
    token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static List<Operation> operations() throws Exception {
    JsonNode document =
        new ObjectMapper(new YAMLFactory()).readTree(Path.of("..", "openapi.yaml").toFile());
    List<Operation> operations = new ArrayList<>();
    document
        .get("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fields()
                    .forEachRemaining(
                        entry -> {
                          // helpdesk webhooks take no bearer token: their signatures are tested in
                          // WebhooksTest
                          if (entry.getValue().has("operationId")
                              && !"helpdesk-signature"
                                  .equals(entry.getValue().path("x-authenticated-by").asText())) {
                            Set<String> roles = new TreeSet<>();
                            entry
                                .getValue()
                                .path("x-roles")
                                .forEach(role -> roles.add(role.asText()));
                            operations.add(
                                new Operation(entry.getKey().toUpperCase(), path.getKey(), roles));
                          }
                        }));
    assertThat(operations)
        .as("operations in openapi.yaml")
        .hasSizeGreaterThan(10)
        .allSatisfy(
            operation -> assertThat(operation.roles()).as(operation.toString()).isNotEmpty());
    return operations;
  }
}
