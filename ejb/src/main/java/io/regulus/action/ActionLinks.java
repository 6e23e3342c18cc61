package io.regulus.action;

/** How a notice names an action instance and links to its page. */
final class ActionLinks {

  private static final int SUBJECT = 400;

  private ActionLinks() {}

  /** The action page of an instance, relative to where browsers reach Regulus. */
  static String page(String tenant, long instanceId) {
    return "/app/action.xhtml?tenant=" + tenant + "&id=" + instanceId;
  }

  /** "KEY Title (group)", short enough for a notice's subject with what is said of it. */
  static String name(String key, String title, String group) {
    String name = key + " " + title + (group == null ? "" : " (" + group + ")");
    return name.length() > SUBJECT ? name.substring(0, SUBJECT - 1) + "…" : name;
  }
}
