package dev.slaservice.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenIssuerTest {

  private static final Instant ISSUED = Instant.parse("2030-01-01T00:00:00Z");

  private final TokenIssuer issuer = TokenIssuer.generate();

  @Nested
  class GivenASignedToken {

    private final String token =
        issuer.sign(
            TokenIssuer.ISSUER,
            "ana",
            List.of("ops", "admin"),
            "acme",
            ISSUED,
            Duration.ofHours(1));

    @Test
    void itIsAnRs256JwtThatVerifiesWithThePublicKey() throws Exception {
      JwtContext verified = consumer(issuer, ISSUED.plusSeconds(60)).process(token);

      assertEquals(
          AlgorithmIdentifiers.RSA_USING_SHA256,
          verified.getJoseObjects().get(0).getAlgorithmHeaderValue());
      assertEquals("JWT", verified.getJoseObjects().get(0).getHeader("typ"));
    }

    @Test
    void itCarriesTheClaimsTheServiceReads() throws Exception {
      JwtClaims claims = consumer(issuer, ISSUED.plusSeconds(60)).process(token).getJwtClaims();

      assertEquals(TokenIssuer.ISSUER, claims.getIssuer());
      assertEquals("ana", claims.getSubject());
      assertEquals("ana", claims.getStringClaimValue("upn"));
      assertEquals(List.of("ops", "admin"), claims.getStringListClaimValue("groups"));
      assertEquals("acme", claims.getStringClaimValue(TokenIssuer.CUSTOMER_CLAIM));
      assertEquals(ISSUED.getEpochSecond(), claims.getIssuedAt().getValue());
      assertEquals(
          ISSUED.plus(Duration.ofHours(1)).getEpochSecond(), claims.getExpirationTime().getValue());
      assertFalse(claims.getJwtId().isBlank());
    }

    @Test
    void itIsRejectedAfterItsExpiry() {
      assertThrows(
          InvalidJwtException.class,
          () -> consumer(issuer, ISSUED.plus(Duration.ofHours(2))).process(token));
    }

    @Test
    void anotherKeyPairDoesNotVerifyIt() {
      assertThrows(
          InvalidJwtException.class,
          () -> consumer(TokenIssuer.generate(), ISSUED.plusSeconds(60)).process(token));
    }
  }

  @Test
  void aTokenForEveryCustomerHasNoCustomerClaim() throws Exception {
    String token =
        issuer.sign(
            TokenIssuer.ISSUER, "ana", List.of("helpdesk"), null, ISSUED, Duration.ofHours(1));

    JwtClaims claims = consumer(issuer, ISSUED.plusSeconds(60)).process(token).getJwtClaims();

    assertFalse(claims.hasClaim(TokenIssuer.CUSTOMER_CLAIM));
  }

  @Test
  void aKeyPairLoadedAgainSignsTokensTheFirstPublicKeyVerifies(@TempDir Path keys)
      throws Exception {
    TokenIssuer first = TokenIssuer.loadOrCreate(keys);

    String token =
        TokenIssuer.loadOrCreate(keys)
            .sign(TokenIssuer.ISSUER, "ana", List.of("ops"), null, ISSUED, Duration.ofHours(1));

    assertEquals(
        "ana", consumer(first, ISSUED.plusSeconds(60)).process(token).getJwtClaims().getSubject());
  }

  private static JwtConsumer consumer(TokenIssuer keys, Instant at) throws Exception {
    return new JwtConsumerBuilder()
        .setVerificationKey(publicKey(keys))
        .setJwsAlgorithmConstraints(
            AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
        .setExpectedIssuer(TokenIssuer.ISSUER)
        .setRequireExpirationTime()
        .setRequireIssuedAt()
        .setRequireJwtId()
        .setEvaluationTime(NumericDate.fromSeconds(at.getEpochSecond()))
        .build();
  }

  private static PublicKey publicKey(TokenIssuer keys) throws Exception {
    String base64 = keys.publicKeyPem().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return KeyFactory.getInstance("RSA")
        .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
  }
}
