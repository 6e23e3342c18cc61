package io.regulus.access;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A domain service whose every operation is checked by {@link AccessCheck} before it runs,
 * whichever adapter called it (REST resource, page bean, batch step, machine client): each public
 * method names its {@link Requires permission}, or is {@link Internal}; a method with neither is
 * refused to everyone.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Guarded {}
