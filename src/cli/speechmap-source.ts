import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { downloadSpeechMap } from '../ingest/download-speechmap.js';
import type { CliIo } from './cli-io.js';
import { createProgress } from './create-progress.js';

/** The public SpeechMap data repository (Apache-2.0). */
export const SPEECHMAP_REPOSITORY_URL = 'https://github.com/xlr8harder/speechmap-data';

export function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

/** A local folder as given, or a URL downloaded into the cache first (with a progress bar). */
export async function resolveSpeechMapSource(
  source: string,
  io: CliIo,
  options: { cacheDir?: string; includeSet?: (setName: string) => boolean; quiet?: boolean },
): Promise<string> {
  if (!isUrl(source)) return resolve(io.cwd, source);
  const cacheDir =
    options.cacheDir ?? join(io.env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'candor', 'speechmap');
  const progress = createProgress(io, 'download', { quiet: options.quiet });
  try {
    const result = await downloadSpeechMap(source, {
      cacheDir,
      includeSet: options.includeSet,
      signal: io.signal,
      onProgress: (event) => {
        if (event.phase === 'download')
          progress.update(event.done, event.total, `${(event.bytes / 1e6).toFixed(1)} MB`);
      },
    });
    progress.stop();
    if (!options.quiet) {
      io.stderr.write(
        `downloaded ${result.downloaded} files (${(result.bytes / 1e6).toFixed(1)} MB), reused ${result.reused} from ${result.folder}\n`,
      );
    }
    return result.folder;
  } finally {
    progress.stop();
  }
}
