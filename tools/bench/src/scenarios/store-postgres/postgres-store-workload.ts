import type { StoreInput, StoreMeasurement } from '../store/store-workload';

/** The store scenario's workload, written to a database of the run's throwaway PostgreSQL server. */
export interface PostgresStoreInput extends Omit<StoreInput, 'dataDir'> {
  url: string;
}

/** On-disk size after the run (`pg_total_relation_size`: table, indexes, TOAST). */
export interface PostgresStorage {
  tables: Record<string, number>;
  /** Average `pg_column_size` of an event's jsonb body, and of its JSON text. */
  eventBodyBytes: number;
  eventJsonBytes: number;
}

export interface PostgresStoreMeasurement extends StoreMeasurement {
  storage: PostgresStorage;
}
