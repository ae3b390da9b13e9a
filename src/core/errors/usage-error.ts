import { CandorError } from './candor-error.js';

/** The command line itself is wrong (unknown value for an option, missing argument, a malformed spec). Exit code 2. */
export class UsageError extends CandorError {
  constructor(message: string) {
    super('usage', message);
  }
}
