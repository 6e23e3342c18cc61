package io.regulus.ui;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A feature's texts for what a bean says after a step (a message above the page), from the same
 * bundle its pages load, in the page's language.
 */
public final class PageTexts {

  private final String bundle;

  private PageTexts(String bundle) {
    this.bundle = bundle;
  }

  /** The texts of the bundle {@code basename} (e.g. {@code io.regulus.ui.users.messages}). */
  public static PageTexts of(String basename) {
    return new PageTexts(basename);
  }

  /** The text of {@code key} with its {@code {0}}, {@code {1}}... filled in. */
  public String text(String key, Object... arguments) {
    Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
    return new MessageFormat(ResourceBundle.getBundle(bundle, locale).getString(key), locale)
        .format(arguments);
  }

  /** Says what was done, above the page. */
  public void done(String key, Object... arguments) {
    add(FacesMessage.SEVERITY_INFO, key, arguments);
  }

  /** Says what is wrong with the input, above the page (the form keeps what was typed). */
  public void wrong(String key, Object... arguments) {
    add(FacesMessage.SEVERITY_ERROR, key, arguments);
    FacesContext.getCurrentInstance().validationFailed();
  }

  private void add(FacesMessage.Severity severity, String key, Object... arguments) {
    String text = text(key, arguments);
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, text));
  }
}
