// Moved to @icc/e2e-support (shared with the ServiceNow OpenFrame suite).
export { launchChromium } from '@icc/e2e-support';
