export * from './mock-adapter';
export * from './mock-config';
export * from './mock-capabilities';
export * from './telephony-behaviour';
export * from './create-mock-registration';
