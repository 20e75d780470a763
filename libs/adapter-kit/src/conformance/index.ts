// `@icc/adapter-kit/conformance`: the Jest-bound conformance suite (it calls describe/test/expect).
// Test files only; runtime code imports `@icc/adapter-kit`, which never loads this.
export * from './describe-adapter-conformance';
export * from './conformance-harness';
export * from './conformance-world';
export * from './conformance-run';
export * from './conformance-scenario';
export * from './conformance-scenarios';
export * from './plan-scenario';
export * from './scenario-steps';
export * from './describe-progress';
export * from './recording-sink';
export * from './recording-logger';
export * from './timer-tracking-clock';
