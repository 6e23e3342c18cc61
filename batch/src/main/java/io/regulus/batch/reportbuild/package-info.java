/**
 * The artifacts of the {@code report-build} job: partitions of the active tenants in slug order (a
 * restart runs only those that did not complete), each building its tenants' reports, then one step
 * building every firm's portfolio report; thin steps over the domain's {@code ReportBuilds}, run as
 * {@code job:report-build} with the day from the job's parameters.
 */
package io.regulus.batch.reportbuild;
