import { CandorError } from '../../core/index.js';

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
