/**
 * The Jobs page of platform operators ({@code /app/platform/jobs.xhtml}): every execution of every
 * job, one in detail with its partitions and progress, and what the domain allows with it.
 */
package io.regulus.ui.jobs;
