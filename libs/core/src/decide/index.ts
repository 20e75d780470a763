export * from './callback-refusals';
export * from './decided-event';
export * from './decide-callback-creation';
export * from './decide-cancel';
export * from './decide-reschedule';
export * from './decide-close-callback';
export * from './decide-expiry';
export * from './require-customer-number';
