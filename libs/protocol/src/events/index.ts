export * from './define-event';
export * from './lifecycle-events';
export * from './offer-events';
export * from './call-events';
export * from './agent-events';
export * from './icc-event';
