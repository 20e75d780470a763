export * from './amazon-connect-adapter';
export * from './amazon-connect-config';
export * from './amazon-connect-capabilities';
export * from './amazon-connect-simulator/amazon-connect-simulator';
export * from './read-amazon-connect-adapter-config';
export * from './create-simulated-amazon-connect-adapter';
export * from './create-amazon-connect-registration';
