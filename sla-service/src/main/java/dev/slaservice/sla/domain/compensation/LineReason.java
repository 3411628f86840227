package dev.slaservice.sla.domain.compensation;

import dev.slaservice.events.ExclusionReason;
import dev.slaservice.events.Metric;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * Why a statement line is or is not credited, in words of either language (i18n/reasons); the
 * statement keeps the reason itself, so each reader renders it in its own language.
 */
public sealed interface LineReason {

  Locale CHINESE = Locale.CHINESE;

  /** The reason in English, or in Chinese for a Chinese locale. */
  String text(Locale locale);

  /** An excluded ticket's breaches earn nothing. */
  record Excluded(ExclusionReason exclusion) implements LineReason {
    @Override
    public String text(Locale locale) {
      return format(locale, "excluded", exclusionName(locale, exclusion));
    }
  }

  /** A share of the monthly fee in force at the breach. */
  record PercentOfFee(BigDecimal percent, Money fee, List<Metric> metrics) implements LineReason {
    @Override
    public String text(Locale locale) {
      String missed =
          metrics.stream()
              .map(m -> bundle(locale).getString("metric." + m.name()))
              .collect(Collectors.joining(", ", "[", "]"));
      return format(
          locale,
          "percent-of-fee",
          percent.stripTrailingZeros().toPlainString(),
          fee.toString(),
          missed);
    }
  }

  /** The plan owes nothing for a breach. */
  record NoTerms(String planId) implements LineReason {
    @Override
    public String text(Locale locale) {
      return format(locale, "no-terms", planId);
    }
  }

  /** A tiered plan counts the month's tickets that met their targets. */
  record CountedAgainstMonth(long met, long counted) implements LineReason {
    @Override
    public String text(Locale locale) {
      return format(locale, "counted", Long.toString(met), Long.toString(counted));
    }
  }

  /** A tiered plan leaves an excluded ticket out of its count. */
  record NotCounted(ExclusionReason exclusion) implements LineReason {
    @Override
    public String text(Locale locale) {
      return format(locale, "not-counted", exclusionName(locale, exclusion));
    }
  }

  private static String exclusionName(Locale locale, ExclusionReason reason) {
    return bundle(locale).getString("exclusion." + reason.name());
  }

  private static String format(Locale locale, String key, Object... args) {
    return new MessageFormat(bundle(locale).getString(key), Locale.ROOT).format(args);
  }

  private static ResourceBundle bundle(Locale locale) {
    return ResourceBundle.getBundle(
        "i18n/reasons",
        CHINESE.getLanguage().equals(locale.getLanguage()) ? CHINESE : Locale.ROOT,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }
}
