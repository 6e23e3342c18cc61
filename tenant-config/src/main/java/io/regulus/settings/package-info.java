/**
 * Configuration in one place: {@link io.regulus.settings.Settings} reads every variable the code
 * needs, once, by MicroProfile Config injection. No other class reads configuration.
 */
package io.regulus.settings;
