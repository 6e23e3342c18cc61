/**
 * Alert policies and the alerts they raise (docs/alerts.md). Alerts are raised in the transaction
 * of the change they tell of, from the action history's change rows ({@code ActionChanged}) and the
 * day's score snapshot ({@code ScoreSnapshotRecorded}), each posting a notice to its recipients. An
 * alert's status moves only along {@link io.regulus.alert.AlertStatus}'s transitions, each kept.
 */
package io.regulus.alert;
