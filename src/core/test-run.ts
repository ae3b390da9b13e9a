import type { Run } from './run.js';

const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[?::1\]?|0\.0\.0\.0)$/i;

/** True for a URL whose host is this machine (localhost, 127.x.x.x, ::1). */
export function isLoopbackUrl(url: string): boolean {
  try {
    return LOOPBACK_HOST.test(new URL(url).hostname);
  } catch {
    return false;
  }
}

/**
 * A test run: collected from Candor's mock server, from an `openai-compatible` endpoint on this
 * machine (loopback), or replayed from another run (`replay:`). Its answers are not evidence about a
 * real model, so reports, findings and the explorer leave them out unless asked (`--include-test`).
 * (A real model served on loopback through `openai-compatible` is marked too; `--include-test` shows it.)
 */
export function isTestRun(run: Pick<Run, 'provider' | 'settings'>): boolean {
  const spec = typeof run.settings['modelSpec'] === 'string' ? run.settings['modelSpec'] : '';
  if (run.provider === 'replay' || spec.startsWith('replay:')) return true;
  const baseUrl = run.settings['baseURL'];
  return (
    (run.provider === 'openai-compatible' || spec.startsWith('openai-compatible:')) &&
    typeof baseUrl === 'string' &&
    isLoopbackUrl(baseUrl)
  );
}
