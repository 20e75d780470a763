export * from './engine-types';
export * from './create-callback-engine';
