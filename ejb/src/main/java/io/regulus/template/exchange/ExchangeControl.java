package io.regulus.template.exchange;

import java.util.List;

/**
 * One control as a file carries it, with the keys of the actions that satisfy it.
 *
 * @param id the control's id (Excel: controlName; OSCAL: the control's label or id)
 * @param family its family (Excel: controlFamily; OSCAL: the enclosing groups' titles)
 * @param title its title
 * @param description its text (OSCAL: statement and guidance prose rendered as text)
 * @param mandatory true for mandatory, false for discretionary
 * @param nature PREVENTATIVE, DETECTIVE or CORRECTIVE
 * @param actionKeys the {@link ExchangeAction#key()}s of its actions, in file order
 */
public record ExchangeControl(
    String id,
    String family,
    String title,
    String description,
    boolean mandatory,
    String nature,
    List<String> actionKeys) {

  public ExchangeControl {
    actionKeys = actionKeys == null ? List.of() : List.copyOf(actionKeys);
  }
}
