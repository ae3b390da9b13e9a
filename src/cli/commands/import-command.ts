import type { Command } from 'commander';
import { importSpeechMap, type SpeechMapImportSummary } from '../../ingest/import-speechmap.js';
import type { CandorStore } from '../../store/index.js';
import type { CliIo } from '../cli-io.js';
import { createProgress } from '../create-progress.js';
import { parseListOption } from '../parse-list-option.js';
import { resolveSpeechMapSource } from '../speechmap-source.js';
import { withStore } from '../with-store.js';
import { shared } from '../cli-options.js';

/** Imports a SpeechMap folder with progress on stderr; returns what changed. */
export async function importSpeechMapWithProgress(
  store: CandorStore,
  folder: string,
  io: CliIo,
  options: { includeSet?: (setName: string) => boolean; quiet?: boolean },
): Promise<SpeechMapImportSummary> {
  const reading = createProgress(io, 'read', { quiet: options.quiet });
  const writing = createProgress(io, 'write', { quiet: options.quiet });
  try {
    return await importSpeechMap(store, folder, {
      includeSet: options.includeSet,
      // Ctrl-C / SIGTERM: stop between files, or between write chunks (the one transaction rolls back).
      onFile: (event) => {
        io.signal?.throwIfAborted();
        reading.update(event.index, event.total);
      },
      onWrite: (event) => {
        io.signal?.throwIfAborted();
        reading.stop();
        writing.update(event.done, event.total);
      },
    });
  } finally {
    reading.stop();
    writing.stop();
  }
}

/** One-paragraph account of an import. */
export function describeImport(summary: SpeechMapImportSummary): string {
  const statuses = Object.entries(summary.statuses)
    .sort((left, right) => right[1] - left[1])
    .map(([status, count]) => `${status} ${count}`)
    .join(', ');
  return (
    `${summary.files} files, ${summary.sets} sets: ` +
    `questions ${summary.questions.inserted} new / ${summary.questions.updated} updated / ${summary.questions.unchanged} unchanged; ` +
    `${summary.models.inserted} new models, ${summary.runs.inserted} new runs; ` +
    `responses ${summary.responses.inserted} new / ${summary.responses.unchanged} already stored / ${summary.responses.repeated} repeated within these files; ` +
    `judgments ${summary.judgments.inserted} new / ${summary.judgments.unchanged} already stored` +
    (statuses ? `\nnew responses by status: ${statuses}` : '') +
    '\n'
  );
}

export function registerImportCommand(program: Command, io: CliIo): void {
  const importCommand = program.command('import').description('bring outside data into the store');
  importCommand
    .command('speechmap <folder-or-url>')
    .description(
      'import a SpeechMap data folder (questions/, responses/, analysis*/; .jsonl or .jsonl.gz) or download it from its GitHub URL',
    )
    .addOption(shared('sets'))
    .option('--cache-dir <dir>', 'where downloads go (default ~/.cache/candor/speechmap)')
    .option('--quiet', 'no progress output')
    .addOption(shared('db'))
    .addHelpText(
      'after',
      '\nEverything is read and validated before anything is written; one transaction writes it all.\nImporting the same data again changes nothing.\n\nExamples:\n  candor import speechmap ../shared/speechmap-data\n  candor import speechmap https://github.com/xlr8harder/speechmap-data --sets china_criticism,us_criticism',
    )
    .action(async (source: string, options: { set?: string; cacheDir?: string; quiet?: boolean; db?: string }) => {
      const sets = parseListOption(options.set);
      const includeSet = sets.length > 0 ? (name: string) => sets.includes(name) : undefined;
      const folder = await resolveSpeechMapSource(source, io, {
        cacheDir: options.cacheDir,
        includeSet,
        quiet: options.quiet,
      });
      await withStore(options.db, io, async (store) => {
        const summary = await importSpeechMapWithProgress(store, folder, io, { includeSet, quiet: options.quiet });
        io.stdout.write(describeImport(summary));
      });
    });
}
