import { CandorError } from '../core/index.js';

/** A provider needs an API key and the environment variable that should hold it is unset. */
export class MissingApiKeyError extends CandorError {
  readonly provider: string;
  readonly envName: string;

  constructor(provider: string, envName: string) {
    super('missing_api_key', `${provider} needs an API key: set ${envName} or pass --api-key-env`);
    this.provider = provider;
    this.envName = envName;
  }
}

/** A model spec names a provider Candor does not know, or is malformed. */
export class ModelSpecError extends CandorError {
  constructor(message: string) {
    super('model_spec_invalid', message);
  }
}

/** A run setting the provider cannot express; refused rather than silently dropped. */
export class UnsupportedSettingError extends CandorError {
  constructor(provider: string, setting: string, hint: string) {
    super('unsupported_setting', `${provider} does not support ${setting}; ${hint}`);
  }
}
