import type { Database, Statement } from 'better-sqlite3';

/** Rows per statement, largest first: a batch of n rows takes about log(n) statement runs, from a handful of prepared statements. */
const CHUNKS = [64, 16, 4, 1] as const;

/**
 * `INSERT INTO table (columns) VALUES (…), (…), … [tail]` for any number of rows, as few statement
 * runs as the chunk sizes allow. Each run crosses into SQLite once for up to 64 rows, where one
 * `run` per row crossed once per row.
 */
export function createMultiRowInsert(database: Database, table: string, columns: readonly string[], tail = '') {
  const row = `(${columns.map(() => '?').join(', ')})`;
  return createChunkedStatement(database, (rows) => `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array(rows).fill(row).join(', ')} ${tail}`);
}

/** `DELETE FROM table WHERE column IN (?, ?, …)` for any number of keys (each a one-value row), chunked the same way. */
export function createMultiRowDelete(database: Database, table: string, column: string) {
  return createChunkedStatement(database, (rows) => `DELETE FROM ${table} WHERE ${column} IN (${Array(rows).fill('?').join(', ')})`);
}

function createChunkedStatement(database: Database, sqlFor: (rows: number) => string) {
  const prepared = new Map<number, Statement<unknown[]>>();
  const statementFor = (rows: number) => {
    let statement = prepared.get(rows);
    if (!statement) {
      statement = database.prepare<unknown[]>(sqlFor(rows));
      prepared.set(rows, statement);
    }
    return statement;
  };
  let runs = 0;
  return {
    /** Runs the statement over every row (each an array of its placeholders' values), in order. */
    run(rows: readonly (readonly unknown[])[]): void {
      let at = 0;
      for (const size of CHUNKS) {
        while (rows.length - at >= size) {
          statementFor(size).run(...rows.slice(at, at + size).flat());
          runs += 1;
          at += size;
        }
      }
    },
    /** Statement runs so far (tests pin that rows are batched). */
    runs: () => runs,
  };
}
