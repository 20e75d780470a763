export * from './throwaway-postgres';
export {
  LocalPostgresError,
  localPostgresCluster,
  postgresBinDir,
  type LocalPostgresCluster,
} from '../cluster/local-postgres-cluster.mjs';
export * from './test-databases';
