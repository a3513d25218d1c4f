/**
 * Kept only while src/handlers still imports ownValue from here (gather-approvals.ts,
 * apply-status-label.ts); delete it once they import ../validate/own-value.js.
 */
export { ownValue } from "../validate/own-value.js";
