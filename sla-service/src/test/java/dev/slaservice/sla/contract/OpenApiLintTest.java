package dev.slaservice.sla.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The linter for openapi.yaml, run in every build: the document must be valid OpenAPI 3 with every
 * reference resolved, follow the house rules (ids, summaries, problem+json errors, paginated lists)
 * and describe exactly the operations the resources serve.
 */
class OpenApiLintTest {

  private static final Path CONTRACT = Path.of("..", "openapi.yaml");
  private static final Set<String> KNOWN_ROLES = Set.of("helpdesk", "ops", "admin");
  private static final Path RESOURCES =
      Path.of("target", "classes", "dev", "slaservice", "sla", "rest");

  private static SwaggerParseResult parse() throws IOException {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    return new OpenAPIV3Parser().readContents(Files.readString(CONTRACT), null, options);
  }

  @Test
  void theDocumentIsValidOpenApiWithEveryReferenceResolved() throws IOException {
    SwaggerParseResult result = parse();
    assertThat(result.getMessages()).as("parser findings").isEmpty();
    assertThat(result.getOpenAPI()).isNotNull();
  }

  @Test
  void everyOperationFollowsTheHouseRules() throws IOException {
    OpenAPI api = parse().getOpenAPI();
    List<String> findings = new ArrayList<>();
    Set<String> operationIds = new HashSet<>();
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, operation) -> {
                          String where = method + " " + path;
                          if (operation.getOperationId() == null
                              || !operationIds.add(operation.getOperationId())) {
                            findings.add(where + ": needs a unique operationId");
                          }
                          if (operation.getSummary() == null || operation.getSummary().isBlank()) {
                            findings.add(where + ": needs a summary");
                          }
                          if (operation.getTags() == null || operation.getTags().isEmpty()) {
                            findings.add(where + ": needs a tag");
                          }
                          operation
                              .getResponses()
                              .forEach(
                                  (status, response) -> {
                                    if (response.getDescription() == null
                                        || response.getDescription().isBlank()) {
                                      findings.add(where + " " + status + ": needs a description");
                                    }
                                    if (status.startsWith("4") || status.startsWith("5")) {
                                      if (response.getContent() == null
                                          || !response
                                              .getContent()
                                              .containsKey("application/problem+json")) {
                                        findings.add(
                                            where
                                                + " "
                                                + status
                                                + ": errors must be application/problem+json");
                                      }
                                    }
                                    if (status.startsWith("2")) {
                                      listWithoutPages(api, response)
                                          .ifPresent(
                                              f -> findings.add(where + " " + status + ": " + f));
                                    }
                                  });
                          if (signedByTheHelpdesk(operation)) {
                            // helpdesk webhooks: no bearer token, no roles; the delivery's own
                            // signature instead
                            if (operation.getSecurity() == null
                                || !operation.getSecurity().isEmpty()
                                || !roles(operation).isEmpty()) {
                              findings.add(
                                  where
                                      + ": a helpdesk-signed operation has security: [] and no x-roles");
                            }
                            if (!operation.getResponses().containsKey("401")) {
                              findings.add(
                                  where
                                      + ": a helpdesk-signed operation answers 401 to a bad signature");
                            }
                          } else {
                            if (roles(operation).isEmpty()
                                || !KNOWN_ROLES.containsAll(roles(operation))) {
                              findings.add(
                                  where
                                      + ": x-roles must list the roles that may call it, of "
                                      + KNOWN_ROLES);
                            }
                            if (!operation.getResponses().containsKey("401")
                                || !operation.getResponses().containsKey("403")) {
                              findings.add(
                                  where
                                      + ": every operation needs a bearer token, so it answers 401 and 403");
                            }
                          }
                          if (operation.getResponses().keySet().stream()
                              .noneMatch(s -> s.startsWith("2"))) {
                            findings.add(where + ": needs a success response");
                          }
                        }));
    assertThat(findings).isEmpty();
  }

  private static boolean signedByTheHelpdesk(Operation operation) {
    return operation.getExtensions() != null
        && "helpdesk-signature".equals(operation.getExtensions().get("x-authenticated-by"));
  }

  private static Set<String> roles(Operation operation) {
    Object roles =
        operation.getExtensions() == null ? null : operation.getExtensions().get("x-roles");
    Set<String> names = new TreeSet<>();
    if (roles instanceof List<?> list) {
      list.forEach(role -> names.add(String.valueOf(role)));
    }
    return names;
  }

  /** A list must come as a page: an object with items and nextCursor, never a bare array. */
  private static Optional<String> listWithoutPages(OpenAPI api, ApiResponse response) {
    if (response.getContent() == null || !response.getContent().containsKey("application/json")) {
      return Optional.empty();
    }
    Schema<?> schema = resolve(api, response.getContent().get("application/json").getSchema());
    if (schema == null) {
      return Optional.of("needs a schema");
    }
    if ("array".equals(schema.getType())) {
      return Optional.of("a list must be a page (items and nextCursor), not a bare array");
    }
    Map<String, Schema> properties = schema.getProperties();
    if (properties != null
        && properties.containsKey("items")
        && !properties.containsKey("nextCursor")) {
      return Optional.of("a page needs nextCursor");
    }
    return Optional.empty();
  }

  private static Schema<?> resolve(OpenAPI api, Schema<?> schema) {
    if (schema != null && schema.get$ref() != null) {
      String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
      return api.getComponents().getSchemas().get(name);
    }
    return schema;
  }

  @Test
  void theDocumentDescribesExactlyTheOperationsAndRolesTheResourcesServe() throws Exception {
    OpenAPI api = parse().getOpenAPI();
    assertThat(api.getSecurity())
        .as("a bearer token is required everywhere")
        .anySatisfy(requirement -> assertThat(requirement).containsKey("bearer"));
    Set<String> documented = new TreeSet<>();
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, operation) ->
                            documented.add(method + " " + path + " " + roles(operation))));
    assertThat(served()).isEqualTo(documented);
  }

  private static Set<String> served() throws Exception {
    Set<String> served = new TreeSet<>();
    try (Stream<Path> files = Files.list(RESOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name =
            "dev.slaservice.sla.rest." + file.getFileName().toString().replace(".class", "");
        Class<?> type = Class.forName(name);
        jakarta.ws.rs.Path root = type.getAnnotation(jakarta.ws.rs.Path.class);
        if (root == null) {
          continue;
        }
        for (Method method : type.getDeclaredMethods()) {
          String verb = verb(method);
          if (verb != null) {
            jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
            RolesAllowed allowed =
                method.isAnnotationPresent(RolesAllowed.class)
                    ? method.getAnnotation(RolesAllowed.class)
                    : type.getAnnotation(RolesAllowed.class);
            Set<String> roles =
                allowed == null ? Set.of() : new TreeSet<>(List.of(allowed.value()));
            served.add(verb + " " + root.value() + (sub == null ? "" : sub.value()) + " " + roles);
          }
        }
      }
    }
    return served;
  }

  private static String verb(Method method) {
    if (method.isAnnotationPresent(GET.class)) {
      return PathItem.HttpMethod.GET.name();
    }
    if (method.isAnnotationPresent(POST.class)) {
      return PathItem.HttpMethod.POST.name();
    }
    if (method.isAnnotationPresent(PUT.class)) {
      return PathItem.HttpMethod.PUT.name();
    }
    if (method.isAnnotationPresent(DELETE.class)) {
      return PathItem.HttpMethod.DELETE.name();
    }
    return null;
  }
}
