package dev.slaservice.sla.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  private final MovableClock clock = new MovableClock(NOW);
  private final CountingVerifier verifier = new CountingVerifier();
  private final VerifiedTokens tokens = new VerifiedTokens(verifier, clock);

  @Nested
  class GivenATokenThatExpiresInAnHour {

    private final String bearer = verifier.accept("helpdesk", NOW.plus(Duration.ofHours(1)));

    @Test
    void itIsVerifiedOnceAndThenRemembered() throws ParseException {
      JsonWebToken first = tokens.parse(bearer);
      JsonWebToken second = tokens.parse(bearer);

      assertThat(second).isSameAs(first);
      assertThat(verifier.verified).containsExactly(bearer);
    }

    @Test
    void itIsVerifiedAgainAfterAMinute() throws ParseException {
      tokens.parse(bearer);
      clock.move(VerifiedTokens.REMEMBERED_FOR.minusSeconds(1));
      tokens.parse(bearer);
      clock.move(Duration.ofSeconds(1));
      tokens.parse(bearer);

      assertThat(verifier.verified).containsExactly(bearer, bearer);
    }
  }

  @Nested
  class GivenATokenThatExpiresWithinTheMinute {

    private final String bearer = verifier.accept("helpdesk", NOW.plusSeconds(20));

    @Test
    void itIsNotTakenOnTrustPastItsExpiry() throws ParseException {
      tokens.parse(bearer);
      clock.move(Duration.ofSeconds(19));
      tokens.parse(bearer);
      assertThat(verifier.verified).hasSize(1);

      clock.move(Duration.ofSeconds(1));
      verifier.refuse(bearer);

      assertThatThrownBy(() -> tokens.parse(bearer)).isInstanceOf(ParseException.class);
      assertThat(verifier.verified).hasSize(2);
    }
  }

  @Nested
  class GivenATokenTheVerifierRefuses {

    @Test
    void theRefusalIsNeverRemembered() {
      String bearer = "forged";

      assertThatThrownBy(() -> tokens.parse(bearer)).isInstanceOf(ParseException.class);
      assertThatThrownBy(() -> tokens.parse(bearer)).isInstanceOf(ParseException.class);
      assertThat(verifier.verified).containsExactly(bearer, bearer);
    }
  }

  @Nested
  class GivenMoreDistinctTokensThanItRemembers {

    private final List<String> bearers = new ArrayList<>();

    GivenMoreDistinctTokensThanItRemembers() {
      for (int i = 0; i < VerifiedTokens.CAPACITY + 10; i++) {
        bearers.add(verifier.accept("user-" + i, NOW.plus(Duration.ofHours(1))));
      }
    }

    @Test
    void everyTokenStillReadsAsItsOwn() throws ParseException {
      for (String bearer : bearers) {
        assertThat(tokens.parse(bearer).getName()).isEqualTo(verifier.subjects.get(bearer));
      }
      for (String bearer : bearers) {
        assertThat(tokens.parse(bearer).getName()).isEqualTo(verifier.subjects.get(bearer));
      }
    }

    @Test
    void itRemembersNoMoreThanItsCapacity() throws ParseException {
      for (String bearer : bearers) {
        tokens.parse(bearer);
      }

      assertThat(tokens.remembered()).isEqualTo(VerifiedTokens.CAPACITY);

      for (String bearer : bearers) {
        tokens.parse(bearer);
      }

      assertThat(verifier.verified).hasSizeGreaterThanOrEqualTo(bearers.size() + 10);
    }
  }

  @Nested
  class GivenTokensThatExpireAtDifferentTimes {

    @Test
    void eachIsForgottenAtItsOwnExpiry() throws ParseException {
      String early = verifier.accept("early", NOW.plusSeconds(10));
      String late = verifier.accept("late", NOW.plusSeconds(30));
      tokens.parse(early);
      tokens.parse(late);

      clock.move(Duration.ofSeconds(10));

      assertThat(tokens.remembered()).isEqualTo(1);
      tokens.parse(late);
      assertThat(verifier.verified).containsExactly(early, late);

      clock.move(Duration.ofSeconds(20));

      assertThat(tokens.remembered()).isZero();
    }
  }

  /**
   * Accepts the tokens it was told to, counting each verification; the request path uses only this.
   */
  private static final class CountingVerifier extends DefaultJWTParser {
    final List<String> verified = new ArrayList<>();
    final Map<String, String> subjects = new HashMap<>();
    final Map<String, Instant> expiries = new HashMap<>();

    String accept(String subject, Instant expiry) {
      String bearer = "token-of-" + subject;
      subjects.put(bearer, subject);
      expiries.put(bearer, expiry);
      return bearer;
    }

    void refuse(String bearer) {
      subjects.remove(bearer);
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
      verified.add(token);
      String subject = subjects.get(token);
      if (subject == null) {
        throw new ParseException("refused");
      }
      return new Token(subject, expiries.get(token).getEpochSecond());
    }
  }

  private record Token(String subject, long expiresAt) implements JsonWebToken {
    @Override
    public String getName() {
      return subject;
    }

    @Override
    public Set<String> getClaimNames() {
      return Set.of(Claims.sub.name(), Claims.exp.name());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String name) {
      return (T) (Claims.exp.name().equals(name) ? (Object) expiresAt : subject);
    }
  }

  private static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void move(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }
}
