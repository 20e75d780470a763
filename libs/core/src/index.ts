export * from './errors';
export * from './ports';
export * from './state-machine/interaction-transitions';
export * from './state-machine/reduce-interaction';
export * from './state-machine/reduce-callback';
export * from './state-machine/build-context-card';
export * from './controls/allowed-controls';
