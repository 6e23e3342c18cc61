/**
 * What the container deployment ships (docker/: the Dockerfile, the Liberty configuration it
 * copies, the compose file and the production realm), checked by reading the files: no development
 * setting, no default secret, every secret from the environment, the production realm kept in step
 * with the local one.
 */
package io.regulus.deployment;
