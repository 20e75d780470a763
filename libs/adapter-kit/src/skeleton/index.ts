export * from './adapter-lifecycle';
export * from './adapter-emitter';
export * from './interaction-book';
export * from './expiry-rule';
export * from './timer-set';
