import { CandorError } from './candor-error.js';

/** The database was made by a newer Candor; migrations only go forward. */
export class SchemaTooNewError extends CandorError {
  constructor(location: string, found: number, expected: number) {
    super(
      'schema_too_new',
      `${location}: database schema is version ${found}, newer than this Candor understands (${expected}); upgrade Candor`,
    );
  }
}
