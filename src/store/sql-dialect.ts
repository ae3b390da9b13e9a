/** The SQL engines Candor stores into. */
export type SqlDialect = 'sqlite' | 'postgres';

/** Column type for an auto-generated integer primary key. */
export function generatedIdColumn(dialect: SqlDialect): string {
  return dialect === 'sqlite' ? 'INTEGER PRIMARY KEY AUTOINCREMENT' : 'BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY';
}

/** Column type for a floating-point number. */
export function realColumn(dialect: SqlDialect): string {
  return dialect === 'sqlite' ? 'REAL' : 'DOUBLE PRECISION';
}
