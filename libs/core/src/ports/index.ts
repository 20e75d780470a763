export * from './clock';
export * from './fake-clock';
export * from './event-store';
export * from './ccaas-adapter';
export * from './logger';
