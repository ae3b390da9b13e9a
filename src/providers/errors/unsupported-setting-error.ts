import { CandorError } from '../../core/index.js';

/** A run setting the provider cannot express; refused rather than silently dropped. */
export class UnsupportedSettingError extends CandorError {
  constructor(provider: string, setting: string, hint: string) {
    super('unsupported_setting', `${provider} does not support ${setting}; ${hint}`);
  }
}
