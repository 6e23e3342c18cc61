package io.regulus.access;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;
import java.util.logging.Logger;

/**
 * Checks a {@link Guarded} service operation's {@link Requires permission} against its caller
 * before it runs, so a caller without the right is refused whichever layer called. An operation
 * that declares nothing is closed to everyone, unless it is {@link Internal}.
 */
@Guarded
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class AccessCheck {

  private static final Logger LOG = Logger.getLogger(AccessCheck.class.getName());

  @Inject private AccessControl access;

  @AroundInvoke
  Object check(InvocationContext invocation) throws Exception {
    Method method = invocation.getMethod();
    Requires requires = method.getAnnotation(Requires.class);
    if (requires != null) {
      access.require(requires.value(), invocation.getParameters());
    } else if (!method.isAnnotationPresent(Internal.class)) {
      LOG.severe(() -> "operation without an access rule refused: " + method);
      throw new AccessDeniedException(
          "This operation declares no access rule, so it is closed to everyone.");
    }
    return invocation.proceed();
  }
}
