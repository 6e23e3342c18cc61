/**
 * Evidence of improvement actions: files (kept in the tenant's schema with their SHA-256, checked
 * from their bytes against an allow-list) and links, each with an optional validity window. An
 * action that follows its parent takes no evidence of its own and shows the parent's; evidence is
 * not removed once the action's test status is passed, failed or out of scope. Every addition and
 * removal lands in the action's history.
 */
package io.regulus.evidence;
