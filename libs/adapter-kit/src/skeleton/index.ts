export * from './adapter-lifecycle';
export * from './adapter-emitter';
export * from './interaction-book';
export * from './timer-set';
export * from './serial-queue';
export * from './read-back-reconciler';
export * from './refreshing-values';
export * from './vendor-snapshots';
