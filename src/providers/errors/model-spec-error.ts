import { CandorError } from '../../core/index.js';

/** A model spec names a provider Candor does not know, or is malformed. */
export class ModelSpecError extends CandorError {
  constructor(message: string) {
    super('model_spec_invalid', message);
  }
}
