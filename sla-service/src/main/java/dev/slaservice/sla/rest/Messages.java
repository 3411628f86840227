package dev.slaservice.sla.rest;

import jakarta.ws.rs.core.HttpHeaders;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Texts people read, in English or Chinese: problem messages ({@code i18n/problems}) and display
 * names ({@code i18n/names}). The language is the first of Accept-Language the service speaks.
 */
public final class Messages {

  public static final Locale ENGLISH = Locale.ENGLISH;
  public static final Locale CHINESE = Locale.CHINESE;

  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private Messages() {}

  /** Chinese when the client prefers it to English, else English. */
  public static Locale languageOf(HttpHeaders headers) {
    List<Locale> acceptable = headers == null ? List.of() : headers.getAcceptableLanguages();
    for (Locale locale : acceptable) {
      if ("zh".equals(locale.getLanguage())) {
        return CHINESE;
      }
      if ("en".equals(locale.getLanguage())) {
        return ENGLISH;
      }
    }
    return ENGLISH;
  }

  /** The same choice from a raw Accept-Language header, for answers made outside the REST layer. */
  public static Locale languageOf(String acceptLanguage) {
    if (acceptLanguage == null || acceptLanguage.isBlank()) {
      return ENGLISH;
    }
    try {
      for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
        String language = range.getRange().split("-")[0];
        if (language.equals("zh")) {
          return CHINESE;
        }
        if (language.equals("en")) {
          return ENGLISH;
        }
      }
    } catch (IllegalArgumentException e) {
      return ENGLISH;
    }
    return ENGLISH;
  }

  /** A problem message; arguments are inserted as text (no number or date formatting). */
  public static String problem(Locale locale, String key, Object... args) {
    String pattern = text("i18n/problems", locale, key);
    if (pattern == null) {
      throw new IllegalArgumentException("no problem message " + key);
    }
    Object[] texts = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      texts[i] = String.valueOf(args[i]);
    }
    return new MessageFormat(pattern, locale).format(texts);
  }

  /** The title of a problem with this HTTP status, or {@code fallback}. */
  public static String title(Locale locale, int status, String fallback) {
    String title = text("i18n/problems", locale, "title." + status);
    return title == null ? fallback : title;
  }

  /** A display name, or {@code fallback} when none is defined. */
  public static String name(Locale locale, String key, String fallback) {
    String name = text("i18n/names", locale, key);
    return name == null ? fallback : name;
  }

  private static String text(String bundle, Locale locale, String key) {
    try {
      return ResourceBundle.getBundle(
              bundle, CHINESE.equals(locale) ? CHINESE : Locale.ROOT, NO_FALLBACK)
          .getString(key);
    } catch (MissingResourceException e) {
      return null;
    }
  }
}
