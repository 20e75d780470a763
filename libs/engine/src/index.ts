export * from './scheduler/timer-queue';
export * from './business-hours/is-open';
export * from './business-hours/next-opening';
export * from './queue/callback-queue-item';
export * from './queue/callback-queue';
export * from './routing/agent-pool';
export * from './retry/retry-policy';
export * from './engine';
