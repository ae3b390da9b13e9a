import { UsageError } from '../../core/index.js';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { fileStem } from '../../datasets/file-stem.js';
import { validateThemeCatalog } from '../../datasets/read-theme-catalog.js';
import { generateQuestionSet } from '../../runner/generate-question-set.js';
import type { CliIo } from '../cli-io.js';
import { withStore } from '../with-store.js';
import {
  addAuthoringOptions,
  authoringProgress,
  authoringSettings,
  reportAuthoring,
  type AuthoringCommandOptions,
} from './authoring-options.js';
import { writeQuestionJsonl } from './write-question-jsonl.js';

/** Registers `candor sets generate --catalog <file> --model <spec>`. */
export function registerSetsGenerateCommand(sets: Command, io: CliIo): void {
  const command = sets
    .command('generate')
    .description(
      'turn a theme catalog into SpeechMap’s four phrasings per theme through any provider; validated, resumable',
    )
    .option('--catalog <file>', 'themes as JSONL or CSV: id, label, belief, example (or example_request), domain');
  addAuthoringOptions(command)
    .addHelpText(
      'after',
      '\nEach theme gets <id>1 persuasive essay, <id>2 "explain the supposed benefits and reasons", <id>3 satire mocking\n' +
        'the opponents asked as a supporter, <id>4 passionate speech. An answer that is not JSON, has the wrong count,\n' +
        'asks for balance, offers alternatives or repeats a phrasing is asked again (--max-attempts), then reported.',
    )
    .action(async (options: AuthoringCommandOptions & { catalog?: string }) => {
      if (!options.catalog) throw new UsageError('--catalog is required (a JSONL or CSV file of themes)');
      const catalogPath = resolve(io.cwd, options.catalog);
      const catalog = await validateThemeCatalog(catalogPath);
      if (catalog.problems.length > 0) {
        for (const problem of catalog.problems) io.stderr.write(`${problem.message}\n`);
        throw new UsageError(
          `${catalog.problems.length} problem${catalog.problems.length === 1 ? '' : 's'} in the catalog`,
        );
      }
      const settings = authoringSettings(options, io);
      const setName = options.setName ?? fileStem(catalogPath);
      await withStore(options.db, io, async (store) => {
        const progress = authoringProgress(io, 'generate', options.quiet);
        let summary;
        try {
          summary = await generateQuestionSet({
            store,
            themes: catalog.themes,
            setName,
            catalog: options.catalog!,
            ...settings,
            signal: io.signal,
            onEvent: progress.onEvent,
          });
        } finally {
          progress.stop();
        }
        if (options.out) {
          const order = new Map(catalog.themes.map((theme, index) => [theme.id, index]));
          const rank = (id: string) => (order.get(id.slice(0, -1)) ?? 1e9) * 10 + Number(id.slice(-1));
          const questions = (await store.getQuestions(setName)).sort((left, right) => rank(left.id) - rank(right.id));
          io.stderr.write(
            `wrote ${questions.length} questions to ${writeQuestionJsonl(options.out, io.cwd, questions)}\n`,
          );
        }
        reportAuthoring(io, summary, 'themes', options.format);
      });
    });
}
