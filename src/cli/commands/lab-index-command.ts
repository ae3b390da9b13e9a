import { UsageError } from '../../core/index.js';
import type { Command } from 'commander';
import { formatRows, LAB_INDEX_COLUMNS, labIndex, labIndexOutput } from '../../reports/index.js';
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

interface LabIndexCommandOptions extends AnalysisOptions {
  asOf?: string;
  windowMonths?: string;
  halfLifeMonths?: string;
  seed?: string;
}

export function registerLabIndexCommand(program: Command, io: CliIo): void {
  const command = program
    .command('lab-index')
    .description(
      "each creator's recent models: monthly averages smoothed by an EMA (3-month half-life), with a 95% interval",
    )
    .option('--as-of <date>', 'end of the window, YYYY-MM-DD (default: the latest release date in the data)')
    .option('--window-months <n>', 'models released within this many months before --as-of', '12')
    .option('--half-life-months <n>', 'EMA half-life in months', '3')
    .option('--seed <n>', 'seed of the bootstrap interval');
  addAnalysisOptions(command)
    .addHelpText(
      'after',
      '\nNeeds release dates and creators (`candor models import`). Pass --sets so every lab is measured on the same questions.',
    )
    .action(async (options: LabIndexCommandOptions) => {
      const format = parseOutputFormat(options.format);
      if (
        options.asOf !== undefined &&
        (!/^\d{4}-\d{2}-\d{2}$/.test(options.asOf) || Number.isNaN(Date.parse(options.asOf)))
      ) {
        throw new UsageError(`--as-of must be a date YYYY-MM-DD (got "${options.asOf}")`);
      }
      const windowMonths = parseNumberOption('window-months', options.windowMonths, { integer: true, min: 1 });
      const halfLifeMonths = parseNumberOption('half-life-months', options.halfLifeMonths, { min: 0.01 });
      const seed = parseNumberOption('seed', options.seed, { integer: true, min: 0 });
      await withExistingStore(options.db, io, async (store) => {
        let loaded: LensRows | undefined;
        await checkAnalysisNames(store, options);
        const index = labIndex((loaded = await loadLensRows(store, options)).rows, {
          asOf: options.asOf ?? null,
          windowMonths,
          halfLifeMonths,
          seed,
        });
        if (index.rows.length === 0)
          io.stderr.write(
            'No dated model in the window; add release dates with `candor models import` or widen --window-months.\n',
          );
        if (format === 'json') {
          io.stdout.write(
            JSON.stringify(
              {
                as_of: index.asOf,
                window_start: index.windowStart,
                window_months: windowMonths,
                half_life_months: halfLifeMonths,
                rows: index.rows.map(labIndexOutput),
              },
              null,
              2,
            ) + '\n',
          );
          return;
        }
        if (format === 'table' || format === 'md') {
          io.stdout.write(
            `${describeLensRows(options, loaded!)}\nwindow: models released after ${index.windowStart} up to ${index.asOf}; EMA half-life ${halfLifeMonths} months\n\n`,
          );
        }
        io.stdout.write(formatRows(index.rows.map(labIndexOutput), LAB_INDEX_COLUMNS, format));
      });
    });
}
