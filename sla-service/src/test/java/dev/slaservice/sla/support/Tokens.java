package dev.slaservice.sla.support;

import dev.slaservice.localstack.TokenIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Bearer tokens for the tests, signed by a key pair made for this test JVM. */
public final class Tokens {

  public static final List<String> EVERY_ROLE = List.of("helpdesk", "ops", "admin");

  private static final TokenIssuer ISSUER = TokenIssuer.generate();
  private static Path publicKey;

  private Tokens() {}

  /** A token with these roles, valid for an hour, for every customer. */
  public static String of(String... roles) {
    return ISSUER.issue(
        "test-" + String.join("-", roles), List.of(roles), null, Duration.ofHours(1));
  }

  /** A token with these roles limited to one customer. */
  public static String forCustomer(String customerId, String... roles) {
    return ISSUER.issue("test-" + customerId, List.of(roles), customerId, Duration.ofHours(1));
  }

  /** A token with every role, which the tests of other concerns send by default. */
  public static String everyRole() {
    return ISSUER.issue("test-all", EVERY_ROLE, null, Duration.ofHours(1));
  }

  public static TokenIssuer issuer() {
    return ISSUER;
  }

  /** The public key as a PEM file, for the service's {@code mp.jwt.verify.publickey.location}. */
  public static synchronized Path publicKeyFile() {
    if (publicKey == null) {
      try {
        publicKey = Files.createTempFile("sla-test-jwt", ".pem");
        publicKey.toFile().deleteOnExit();
        Files.writeString(publicKey, ISSUER.publicKeyPem());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return publicKey;
  }
}
