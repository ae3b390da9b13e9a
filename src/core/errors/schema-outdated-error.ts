import { CandorError } from './candor-error.js';

/** The database was made by an older Candor and needs `candor db migrate`. */
export class SchemaOutdatedError extends CandorError {
  readonly found: number;
  readonly expected: number;

  constructor(location: string, found: number, expected: number) {
    super(
      'schema_outdated',
      `${location}: database schema is version ${found}, this Candor needs version ${expected}; run \`candor db migrate --db ${location}\` (back up the file first)`,
    );
    this.found = found;
    this.expected = expected;
  }
}
