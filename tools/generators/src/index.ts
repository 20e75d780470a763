export * from './adapter/adapter-generator';
export * from './adapter/adapter-generator-schema';
export * from './adapter/vendor-names';
export * from './adapter/add-path-alias';
export * from './adapter/register-adapter-in-gateway';
