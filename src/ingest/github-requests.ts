import { CandorError } from '../core/index.js';

/*
 * Requests to GitHub for the SpeechMap download (download-speechmap.ts): which failures are worth
 * another attempt, how long to wait (Retry-After, rate-limit reset), and one clear error when not.
 * The token never appears in a message.
 */

/** Retries after the first attempt. */
const MAX_RETRIES = 3;
/** The longest Retry-After honoured. */
const MAX_RETRY_AFTER_MS = 60_000;

/** A failure another attempt might fix (network error, 408, 429, 5xx, a cut-off body). */
export class TransientFailure extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly retryAfterMs: number | null,
    readonly rateLimitReset: string | null = null,
  ) {
    super(message);
  }
}

export interface Context {
  owner: string;
  repo: string;
  ref: string;
  apiBase: string;
  rawBase: string;
  fetch: typeof fetch;
  headers: Record<string, string>;
  token: string | null;
  sleep: (milliseconds: number, signal?: AbortSignal) => Promise<void>;
}

function redact(text: string, token: string | null): string {
  return token ? text.split(token).join('[redacted]') : text;
}

function retryAfterOf(response: Response): number | null {
  const value = response.headers.get('retry-after')?.trim();
  if (!value) return null;
  const milliseconds = /^\d+(\.\d+)?$/.test(value) ? Number(value) * 1000 : Date.parse(value) - Date.now();
  return Number.isFinite(milliseconds) ? Math.min(Math.max(0, milliseconds), MAX_RETRY_AFTER_MS) : null;
}

async function bodyExcerpt(response: Response, token: string | null): Promise<string> {
  const text = await response.text().catch(() => '');
  return redact(text.replace(/\s+/g, ' ').trim().slice(0, 200), token);
}

function rateLimitError(context: Context, status: number, resetHeader: string | null): CandorError {
  const reset = Number(resetHeader);
  const when =
    resetHeader !== null && Number.isFinite(reset) && reset > 0 ? ` until ${new Date(reset * 1000).toISOString()}` : '';
  const tokenHint = context.token
    ? 'GITHUB_TOKEN is set but its quota is used up; wait'
    : 'set GITHUB_TOKEN to a GitHub token';
  return new CandorError(
    'rate_limited',
    `GitHub rate limit reached${when} (HTTP ${status}); ${tokenHint}, or download the folder ` +
      `(git clone https://github.com/${context.owner}/${context.repo}) and pass its path instead of the URL`,
  );
}

/** Turns an HTTP failure into a TransientFailure (retry) or a CandorError (give up). */
export async function failureOf(context: Context, response: Response, what: string, url: string): Promise<Error> {
  const { status } = response;
  if (status === 408 || status === 429 || status >= 500) {
    await response.body?.cancel().catch(() => undefined);
    return new TransientFailure(
      `HTTP ${status}`,
      status,
      retryAfterOf(response),
      response.headers.get('x-ratelimit-reset'),
    );
  }
  if (
    status === 403 &&
    (response.headers.get('x-ratelimit-remaining') === '0' || response.headers.has('retry-after'))
  ) {
    await response.body?.cancel().catch(() => undefined);
    return rateLimitError(context, status, response.headers.get('x-ratelimit-reset'));
  }
  if (status === 401) {
    return new CandorError(
      'unauthorized',
      `GitHub rejected GITHUB_TOKEN (HTTP 401) while ${what}; fix the token or unset GITHUB_TOKEN`,
    );
  }
  return new CandorError(
    'download_failed',
    `${what} failed: HTTP ${status} from ${url}: ${await bodyExcerpt(response, context.token)}`,
  );
}

/** Runs `attempt` up to 1 + MAX_RETRIES times, with exponential backoff and jitter between transient failures. */
export async function withRetry<T>(
  context: Context,
  what: string,
  signal: AbortSignal,
  attempt: () => Promise<T>,
): Promise<T> {
  const failures: string[] = [];
  for (let index = 0; ; index++) {
    signal.throwIfAborted();
    try {
      return await attempt();
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      const failure =
        error instanceof TransientFailure
          ? error
          : error instanceof TypeError
            ? new TransientFailure(networkMessage(error), null, null)
            : null;
      if (!failure) throw error;
      failures.push(redact(failure.message, context.token));
      if (index >= MAX_RETRIES) {
        if (failure.status === 429) throw rateLimitError(context, 429, failure.rateLimitReset);
        throw new CandorError(
          'download_failed',
          `${what} failed after ${index + 1} attempts: ${failures.map((text, at) => `#${at + 1} ${text}`).join('; ')}`,
        );
      }
      const backoff = 500 * 2 ** index * (0.5 + Math.random() / 2);
      await context.sleep(failure.retryAfterMs ?? backoff, signal);
    }
  }
}

function networkMessage(error: TypeError): string {
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `network error (${error.message}${cause})`;
}
