// Moved to @icc/e2e-support so the ServiceNow OpenFrame suite starts gateways the same way.
export { E2E_VENDOR, REPO_ROOT, startGateway, type RunningGateway, type StartGatewayOptions } from '@icc/e2e-support';
