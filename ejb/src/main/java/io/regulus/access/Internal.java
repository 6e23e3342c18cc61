package io.regulus.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A public operation of a {@link Guarded} service that only the domain calls, after deciding access
 * itself (another service's operation, a startup task). Adapters never call it: the architecture
 * tests refuse a REST resource, page bean or batch step that does.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Internal {

  /** Who calls it, and why it needs no permission of its own. */
  String value();
}
