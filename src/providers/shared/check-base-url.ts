import { ModelSpecError } from '../errors/model-spec-error.js';

/**
 * Refuses a base URL that carries credentials (`user:pass@host`) or a query string (`?key=…`):
 * the URL is stored in the run's settings and printed by `candor runs`, and Candor appends the
 * API path to it, so `…?key=x` would also send a broken request. Keys go in an environment
 * variable (--api-key-env). The message shows the URL with the credentials masked.
 */
export function checkBaseUrl(baseURL: string): void {
  let url: URL;
  try {
    url = new URL(baseURL);
  } catch {
    throw new ModelSpecError(`base URL "${maskCredentials(baseURL)}" is not a URL; pass e.g. --base-url http://127.0.0.1:8000/v1`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ModelSpecError(`base URL ${maskCredentials(baseURL)}: only http: and https: are supported (got ${url.protocol})`);
  }
  if (url.username || url.password) {
    throw new ModelSpecError(
      `base URL ${maskCredentials(baseURL)} carries credentials (user:password@); Candor stores the base URL with the run, so pass the key in an environment variable instead (--api-key-env NAME)`,
    );
  }
  if (url.search || url.hash || baseURL.includes('?')) {
    throw new ModelSpecError(
      `base URL ${maskCredentials(baseURL)} has a query string; Candor appends the API path to the base URL and stores it with the run, so pass keys in an environment variable (--api-key-env NAME)`,
    );
  }
}

/** The URL with user:password and every query value replaced by ***. */
export function maskCredentials(text: string): string {
  return text
    .replace(/(\/\/)[^/@\s]*@/, '$1***@')
    .replace(/([?&#][^=&#\s]*=)[^&#\s]*/g, '$1***');
}
