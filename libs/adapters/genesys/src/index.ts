export * from './genesys-adapter';
export * from './genesys-config';
export * from './genesys-capabilities';
export * from './genesys-registration';
export * from './genesys-simulator/genesys-sandbox';
export * from './genesys-simulator/genesys-sandbox-adapter';
export * from './genesys-simulator/genesys-simulator';
export * from './genesys-simulator/seed-genesys-simulator';
export { mapCallbackMediaSettingsToQueueConfig } from './genesys-map-queue-settings';
