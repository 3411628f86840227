package dev.slaservice.localstack;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.UUID;
import org.eclipse.microprofile.jwt.Claims;

/**
 * Signs bearer tokens (RS256 JWTs) for the local run and the tests, with the key pair the service
 * verifies against. In production an identity provider issues the tokens and the service is given
 * its public key or JWKS address; this class only stands in for that provider locally.
 */
public final class TokenIssuer {

  /** The {@code iss} claim of local tokens, which the service expects unless told otherwise. */
  public static final String ISSUER = "https://sla-service.local/issuer";

  /** The claim that limits a token to one customer's tickets and statements. */
  public static final String CUSTOMER_CLAIM = "customer_id";

  private final PrivateKey privateKey;
  private final PublicKey publicKey;

  private TokenIssuer(PrivateKey privateKey, PublicKey publicKey) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
  }

  /** A fresh key pair held in memory, for tests. */
  public static TokenIssuer generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      return new TokenIssuer(pair.getPrivate(), pair.getPublic());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate an RSA key pair", e);
    }
  }

  /**
   * The key pair in {@code dir} ({@code private.pem}, {@code public.pem}), made on first use; the
   * private key file is readable by its owner only.
   */
  public static TokenIssuer loadOrCreate(Path dir) {
    Path privatePem = dir.resolve("private.pem");
    Path publicPem = dir.resolve("public.pem");
    try {
      if (Files.exists(privatePem) && Files.exists(publicPem)) {
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        return new TokenIssuer(
            rsa.generatePrivate(new PKCS8EncodedKeySpec(pemBody(privatePem))),
            rsa.generatePublic(new X509EncodedKeySpec(pemBody(publicPem))));
      }
      TokenIssuer issuer = generate();
      Files.createDirectories(dir);
      Files.writeString(privatePem, pem("PRIVATE KEY", issuer.privateKey.getEncoded()));
      Files.setPosixFilePermissions(privatePem, PosixFilePermissions.fromString("rw-------"));
      Files.writeString(publicPem, issuer.publicKeyPem());
      return issuer;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot read the key pair in " + dir, e);
    }
  }

  public String publicKeyPem() {
    return pem("PUBLIC KEY", publicKey.getEncoded());
  }

  /**
   * A signed token for {@code subject} with {@code roles} in its {@code groups} claim, limited to
   * one customer when {@code customerId} is not null.
   */
  public String issue(
      String subject, Collection<String> roles, String customerId, Duration lifetime) {
    return sign(ISSUER, subject, roles, customerId, Instant.now(), lifetime);
  }

  /** Like {@link #issue} with every claim chosen, so tests can make expired or foreign tokens. */
  public String sign(
      String issuer,
      String subject,
      Collection<String> roles,
      String customerId,
      Instant issuedAt,
      Duration lifetime) {
    JwtClaimsBuilder claims =
        Jwt.issuer(issuer)
            .subject(subject)
            .upn(subject)
            .claim(Claims.jti, UUID.randomUUID().toString())
            .issuedAt(issuedAt)
            .expiresAt(issuedAt.plus(lifetime))
            .groups(new LinkedHashSet<>(roles));
    if (customerId != null) {
      claims.claim(CUSTOMER_CLAIM, customerId);
    }
    return claims.jws().algorithm(SignatureAlgorithm.RS256).sign(privateKey);
  }

  private static String pem(String type, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }

  private static byte[] pemBody(Path file) throws IOException {
    String text = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return Base64.getDecoder().decode(text);
  }
}
