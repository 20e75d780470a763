// Moved to @icc/e2e-support (shared with the ServiceNow OpenFrame suite).
export { ARRIVAL_TIMEOUT_MS, eventually, waitFor, waitForGone, waitForText } from '@icc/e2e-support';
