package io.regulus.ui.notification;

import io.regulus.notification.NoticeKind;
import io.regulus.notification.NotificationPreferences;
import io.regulus.ui.PageTexts;
import io.regulus.ui.Workspace;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The signed-in person's notification preferences: a box per kind of notice, saved at once by the
 * domain ({@link NotificationPreferences}, only the caller's own).
 */
@Named
@ViewScoped
public class NotificationsPage implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final PageTexts TEXT = PageTexts.of("io.regulus.ui.notification.messages");

  @EJB private NotificationPreferences preferences;
  @Inject private Workspace workspace;

  private Map<String, Boolean> choices;

  /** Each kind's name and whether it is mailed, in the kinds' order (read once in this view). */
  public Map<String, Boolean> getChoices() {
    if (choices == null) {
      choices = new LinkedHashMap<>();
      preferences.mine(workspace.user()).forEach((kind, on) -> choices.put(kind.name(), on));
    }
    return choices;
  }

  /** The kinds, in their order. */
  public List<String> getKinds() {
    return java.util.Arrays.stream(NoticeKind.values()).map(Enum::name).toList();
  }

  /** Saves every box as it stands now. */
  public void save() {
    Map<String, Boolean> chosen = new LinkedHashMap<>(getChoices());
    choices = new LinkedHashMap<>();
    preferences
        .choose(workspace.user(), chosen)
        .forEach((kind, on) -> choices.put(kind.name(), on));
    TEXT.done("saved");
  }
}
