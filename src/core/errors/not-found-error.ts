import { CandorError } from './candor-error.js';

/** A named thing (run, set, model, folder) does not exist. */
export class NotFoundError extends CandorError {
  constructor(what: string, hint?: string) {
    super('not_found', hint ? `${what} not found; ${hint}` : `${what} not found`);
  }
}
