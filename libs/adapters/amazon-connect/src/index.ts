export * from './connect-adapter';
export * from './connect-config';
export * from './connect-capabilities';
export * from './amazon-connect-simulator/amazon-connect-simulator';
export * from './amazon-connect-simulator/simulated-amazon-connect-adapter';
export * from './connect-registration';
