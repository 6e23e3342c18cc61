/**
 * Template files imported as Jakarta Batch jobs: the owner (the platform, a firm, a tenant) uploads
 * a file, the job checks all of it and reports every problem at once, stages its items in
 * checkpointed chunks, then publishes them as one new immutable version in a single transaction.
 * Nothing is published unless all of it is; a stopped, invalid or abandoned import leaves no staged
 * rows behind.
 */
package io.regulus.template.imports;
