import { UsageError } from '../../core/index.js';
import type { Command } from 'commander';
import { formatPhrasingSensitivity, phrasingSensitivity, type PhrasingGroupBy } from '../../reports/index.js';
import {
  addAnalysisOptions,
  checkAnalysisNames,
  describeLensRows,
  loadLensRows,
  type AnalysisOptions,
} from '../analysis-options.js';
import type { LensRows } from '../../reports/index.js';
import type { CliIo } from '../cli-io.js';
import { parseOutputFormat } from '../parse-output-format.js';
import { withExistingStore } from '../with-store.js';
import { byOption } from '../cli-options.js';

interface PhrasingOptions extends AnalysisOptions {
  by?: string;
  view?: string;
}

const GROUPS = ['model', 'creator', 'domain', 'none'] as const;

export function registerPhrasingCommand(program: Command, io: CliIo): void {
  const command = program
    .command('phrasing')
    .description(
      'phrasing sensitivity: how much the phrasings of one theme (us_hard: essay, explain, satire, speech) move the rate',
    )
    .addOption(byOption(GROUPS, { defaultValue: 'model', note: 'none: one row; an overall row is always added' }))
    .option('--view <view>', 'spread (one row per group) or rates (one row per group × phrasing)', 'spread');
  addAnalysisOptions(command)
    .addHelpText(
      'after',
      '\nThemes and phrasings come from the questions (SpeechMap us_hard: theme = id without its last digit,\n' +
        'variation 1 essay, 2 explain the supposed benefits, 3 satire, 4 speech). The paired difference is\n' +
        'highest − lowest phrasing on the themes both were asked for; its p is Holm-adjusted over every pair.',
    )
    .action(async (options: PhrasingOptions) => {
      const format = parseOutputFormat(options.format);
      const by = options.by ?? 'model';
      if (!(GROUPS as readonly string[]).includes(by))
        throw new UsageError(`--by must be one of ${GROUPS.join(', ')} (got "${by}")`);
      const view = options.view ?? 'spread';
      if (view !== 'spread' && view !== 'rates') throw new UsageError(`--view must be spread or rates (got "${view}")`);
      await withExistingStore(options.db, io, async (store) => {
        let loaded: LensRows | undefined;
        await checkAnalysisNames(store, options);
        const result = phrasingSensitivity((loaded = await loadLensRows(store, options)).rows, by as PhrasingGroupBy);
        if (result.spread.length === 0)
          io.stderr.write('No judged rows with a theme and a variation match (try --sets us_hard).\n');
        if (format === 'table' || format === 'md') io.stdout.write(`${describeLensRows(options, loaded!)}\n\n`);
        io.stdout.write(formatPhrasingSensitivity(result, format, view));
      });
    });
}
