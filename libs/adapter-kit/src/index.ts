// `@icc/adapter-kit`: what vendor adapters run with. The conformance suite is `@icc/adapter-kit/conformance`.
export * from './http/create-vendor-http-client';
export * from './http/conflict-on-state-refusal';
export * from './http/parse-retry-after';
export * from './http/full-jitter-backoff';
export * from './http/sleep-on-clock';
export * from './http/may-have-reached-vendor';
export * from './webhooks/verify-webhook-signature';
export * from './registration/adapter-registration';
export * from './registration/read-env-json-object';
// What a vendor simulator implements for the conformance suite: types only, so nothing of the suite is loaded.
export type { CustomerCallScript, RecordedVendorCall, VendorFault, VendorSimulatorControls } from './conformance/conformance-harness';
export type { ConformanceWorld } from './conformance/conformance-world';
export * from './retry/retry-vendor-call';
export * from './retry/aws-sdk-sender';
export * from './memory/recent-ids';
export * from './memory/unplaced-facts';
export * from './reads/coalesced-reads';
export * from './skeleton';
export * from './webhooks/icc-webhook-signature';
export * from './webhooks/push-intake';
export * from './webhooks/parse-push-body';
export * from './queue/queue-rank';
export * from './oauth/client-credentials';
export * from './streaming/renewable-socket';
export * from './wire/lower-first-letter-keys';
export * from './wire/without-undefined';
export * from './wire/icc-work-item-keys';
