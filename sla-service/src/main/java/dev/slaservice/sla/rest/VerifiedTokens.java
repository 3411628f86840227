package dev.slaservice.sla.rest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The bearer-token check, remembering tokens it verified for a minute at most and never past their
 * expiry. A helpdesk posts every event with the same token, and verifying its RSA signature on each
 * request would be a large share of the work of a single-event post (docs/benchmarks.md). A
 * remembered token is never accepted past its expiry, and a token that failed is never remembered;
 * a key withdrawn at the issuer stops admitting the tokens it signed within a minute. Only {@link
 * #parse(String)}, the request path, remembers anything.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

  /** How long a verified token is taken on trust, at most. */
  static final Duration REMEMBERED_FOR = Duration.ofMinutes(1);

  /** Distinct tokens remembered at once; past this the least useful are forgotten. */
  static final int CAPACITY = 1024;

  private record Verified(JsonWebToken token, Instant until) {}

  private final JWTParser verifier;
  private final Clock clock;
  private final Cache<String, Verified> verified;

  @Inject
  public VerifiedTokens(DefaultJWTParser verifier) {
    this(verifier, Clock.systemUTC());
  }

  VerifiedTokens(JWTParser verifier, Clock clock) {
    this.verifier = verifier;
    this.clock = clock;
    this.verified =
        Caffeine.newBuilder()
            .maximumSize(CAPACITY)
            .expireAfter(Expiry.writing((String bearer, Verified known) -> untilExpiry(known)))
            .ticker(() -> nanosSinceEpoch(clock.instant()))
            // evicts on the caller's thread, so the bound holds as soon as a token is remembered
            .executor(Runnable::run)
            .build();
  }

  @Override
  public JsonWebToken parse(String bearerToken) throws ParseException {
    Instant now = clock.instant();
    Verified known = verified.getIfPresent(bearerToken);
    if (known != null) {
      return known.token();
    }
    JsonWebToken token = verifier.parse(bearerToken);
    Instant until = now.plus(REMEMBERED_FOR);
    if (token.getExpirationTime() > 0) {
      until = min(until, Instant.ofEpochSecond(token.getExpirationTime()));
    }
    verified.put(bearerToken, new Verified(token, until));
    return token;
  }

  /** How many tokens are remembered now. */
  long remembered() {
    verified.cleanUp();
    return verified.estimatedSize();
  }

  private Duration untilExpiry(Verified known) {
    Duration left = Duration.between(clock.instant(), known.until());
    return left.isNegative() ? Duration.ZERO : left;
  }

  private static long nanosSinceEpoch(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  @Override
  public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
    return verifier.parse(token, context);
  }

  @Override
  public JsonWebToken verify(String token, PublicKey key) throws ParseException {
    return verifier.verify(token, key);
  }

  @Override
  public JsonWebToken verify(String token, SecretKey key) throws ParseException {
    return verifier.verify(token, key);
  }

  @Override
  public JsonWebToken verify(String token, String secret) throws ParseException {
    return verifier.verify(token, secret);
  }

  @Override
  public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
    return verifier.decrypt(token, key);
  }

  @Override
  public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
    return verifier.decrypt(token, key);
  }

  @Override
  public JsonWebToken decrypt(String token, String secret) throws ParseException {
    return verifier.decrypt(token, secret);
  }

  @Override
  public JsonWebToken parseOnly(String token) throws ParseException {
    return verifier.parseOnly(token);
  }
}
