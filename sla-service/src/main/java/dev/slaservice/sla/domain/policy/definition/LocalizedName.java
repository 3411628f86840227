package dev.slaservice.sla.domain.policy.definition;

import java.util.Locale;

/** A name in the two languages the service speaks. */
public record LocalizedName(String en, String zh) {

  /** The Chinese name for a Chinese locale, else the English one. */
  public String in(Locale locale) {
    return Locale.CHINESE.getLanguage().equals(locale.getLanguage()) ? zh : en;
  }
}
