export * from './event-store-fixtures';
export * from './arbitrary-event-history';
export * from './event-store-contract';
export * from './event-store-webhook-subscription-contract';
export * from './lease-store-contract';
