export * from './throwaway-postgres';
export * from './test-databases';
