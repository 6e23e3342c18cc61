package io.regulus.settings;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Before anything else starts (the platform start-up depends on it): outside the local stacks the
 * application refuses to start while a secret is unset or is the local stacks' default ({@link
 * Secret#refusals}). The log names each variable at fault, never a value.
 */
@Singleton
@Startup
public class SecretCheck {

  private static final Logger LOG = Logger.getLogger(SecretCheck.class.getName());

  @Inject private Settings settings;

  @PostConstruct
  void check() {
    if (settings.localStack()) {
      LOG.warning("a local stack (REGULUS_LOCAL_STACK): the local secrets are allowed");
    }
    List<String> refusals = settings.secretRefusals();
    if (!refusals.isEmpty()) {
      String message =
          "Regulus does not start with these secrets (set each in the environment): "
              + String.join(" ", refusals);
      LOG.log(Level.SEVERE, message);
      throw new IllegalStateException(message);
    }
  }
}
