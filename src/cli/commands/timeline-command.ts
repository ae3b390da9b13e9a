import { UsageError } from '../../core/index.js';
import type { Command } from 'commander';
import {
  formatRows,
  releaseTimeline,
  RELEASE_TIMELINE_COLUMNS,
  releaseTimelineOutput,
  TEST_DATE_COLUMNS,
  testDateOutput,
  testDateTimeline,
} from '../../reports/index.js';
import {
  addAnalysisOptions,
  checkAnalysisNames,
  describeLensRows,
  loadLensRows,
  type AnalysisOptions,
} from '../analysis-options.js';
import type { LensRows } from '../../reports/index.js';
import type { CliIo } from '../cli-io.js';
import { parseNumberOption } from '../parse-number-option.js';
import { parseOutputFormat } from '../parse-output-format.js';
import { withExistingStore } from '../with-store.js';
import { shared } from '../cli-options.js';

interface TimelineOptions extends AnalysisOptions {
  by?: string;
  halfLifeMonths?: string;
  all?: boolean;
  minPairs?: string;
}

export function registerTimelineCommand(program: Command, io: CliIo): void {
  const command = program
    .command('timeline')
    .description('rates over time: by model release date per creator (with an EMA trend), or by test month')
    .addOption(shared('axis'))
    .option('--half-life-months <n>', 'EMA half-life of the release trend, in months', '3')
    .option('--all', 'test-date: every model and set, not only those tested in two or more months')
    .option(
      '--min-pairs <n>',
      'test-date: show a later month only with at least n questions also answered in the first month',
      '30',
    );
  addAnalysisOptions(command)
    .addHelpText('after', '\nRates mix whatever sets the rows cover; pass --sets to compare like with like.')
    .action(async (options: TimelineOptions) => {
      const format = parseOutputFormat(options.format);
      const axis = options.by ?? 'release';
      if (axis !== 'release' && axis !== 'test-date')
        throw new UsageError(`--axis must be release or test-date (got "${axis}")`);
      const halfLifeMonths = parseNumberOption('half-life-months', options.halfLifeMonths, { min: 0.01 });
      await withExistingStore(options.db, io, async (store) => {
        let loaded: LensRows | undefined;
        await checkAnalysisNames(store, options);
        const rows = (loaded = await loadLensRows(store, options)).rows;
        const readable = format === 'table' || format === 'md';
        if (readable) io.stdout.write(`${describeLensRows(options, loaded!)}\n\n`);
        if (axis === 'test-date') {
          const minPairs = parseNumberOption('min-pairs', options.minPairs, { integer: true, min: 0 });
          const timeline = testDateTimeline(rows, { all: options.all ?? false, minPairs });
          if (timeline.length === 0)
            io.stderr.write(
              `No model was tested on the same set in two different months with at least ${minPairs} questions in common (--all lists every test month).\n`,
            );
          io.stdout.write(formatRows(timeline.map(testDateOutput), TEST_DATE_COLUMNS, format));
          return;
        }
        const timeline = releaseTimeline(rows, { halfLifeMonths });
        if (timeline.undated.length > 0) {
          io.stderr.write(
            `${timeline.undated.length} model(s) without a release date or creator left out (add facts with \`candor models import\`): ${timeline.undated.join(', ')}\n`,
          );
        }
        io.stdout.write(formatRows(timeline.rows.map(releaseTimelineOutput), RELEASE_TIMELINE_COLUMNS, format));
      });
    });
}
