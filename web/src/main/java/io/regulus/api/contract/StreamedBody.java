package io.regulus.api.contract;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A JSON body taken as a stream, not bound to a record: a document in another party's format, too
 * large and too open for {@link StrictJsonReader} (a scanner's findings), handed as it arrives to
 * the domain, which reads it strictly itself and bounds its length. {@code value} says why.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface StreamedBody {
  String value();
}
