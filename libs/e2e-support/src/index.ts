export * from './start-gateway';
export * from './launch-chromium';
export * from './wait-for';
export * from './gateway-api';
export * from './oidc/start-oidc-provider';
