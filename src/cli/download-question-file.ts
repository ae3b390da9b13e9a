import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { CandorError, InputError } from '../core/index.js';

/**
 * Downloads a question file (e.g. a SpeechMap set from its public repository) to a temporary
 * file, keeping its name so its format and set name are recognised. Plain HTTPS GET; no secrets.
 */
export async function downloadQuestionFile(url: string, fetchImpl: typeof fetch = fetch): Promise<string> {
  let response: Response;
  try {
    response = await fetchImpl(url, { headers: { 'user-agent': 'candor' }, signal: AbortSignal.timeout(60_000) });
  } catch (error) {
    throw new CandorError(
      'download_failed',
      `${url}: download failed (${(error as Error).message}); check the URL or download the file and pass its path`,
    );
  }
  if (!response.ok) throw new InputError({ file: url }, `download failed with HTTP ${response.status}`);
  const name = basename(new URL(url).pathname) || 'questions.jsonl';
  const path = join(mkdtempSync(join(tmpdir(), 'candor-download-')), name);
  writeFileSync(path, Buffer.from(await response.arrayBuffer()));
  return path;
}
