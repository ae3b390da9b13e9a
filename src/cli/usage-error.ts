import { CandorError } from '../core/index.js';

/** The command line itself is wrong (unknown value for an option, missing argument). Exit code 2. */
export class UsageError extends CandorError {
  constructor(message: string) {
    super('usage', message);
  }
}
