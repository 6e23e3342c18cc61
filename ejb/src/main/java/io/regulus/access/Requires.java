package io.regulus.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one permission an operation needs. On a {@link Guarded} service method, {@link AccessCheck}
 * enforces it from the method's arguments: a {@link TenantCaller} for a tenant permission, a {@link
 * Caller} and a {@code FirmSlug} for a firm permission, a {@link Caller} otherwise. On a REST
 * resource method it names the permission of the service operation the endpoint serves, checked
 * before the request body is read and shown in the OpenAPI document; the architecture tests keep
 * the two equal.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Requires {

  Permission value();
}
