/**
 * The test sweep over REST: a tenant admin sweeps their tenant's automatic tests, an operator every
 * tenant's (202, Location the run's status), and each follows their runs.
 */
package io.regulus.api.testsweep;
