export * from './adapter-lifecycle';
export * from './adapter-emitter';
export * from './interaction-book';
export * from './timer-set';
export * from './require-open-interaction';
