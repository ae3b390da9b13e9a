import type { Command } from 'commander';
import { formatRows, rateColumns, rateReport } from '../../reports/index.js';
import { isReportDimension, REPORT_DIMENSIONS, type ReportDimension } from '../../store/index.js';
import type { CliIo } from '../cli-io.js';
import { parseListOption } from '../parse-list-option.js';
import { parseOutputFormat } from '../parse-output-format.js';
import { UsageError } from '../usage-error.js';
import { withStore } from '../with-store.js';

interface ReportOptions {
  by: string;
  judge?: string;
  excludeBlocked?: boolean;
  format?: string;
  set?: string;
  model?: string;
  sort?: string;
  db?: string;
}

/** Parses --by into report dimensions. */
export function parseDimensions(value: string): ReportDimension[] {
  const dimensions = parseListOption(value);
  for (const dimension of dimensions) {
    if (!isReportDimension(dimension)) {
      throw new UsageError(`--by: unknown dimension "${dimension}"; choose from ${REPORT_DIMENSIONS.join(', ')}`);
    }
  }
  return dimensions as ReportDimension[];
}

export function registerReportCommand(program: Command, io: CliIo): void {
  program
    .command('report')
    .description('compliance rates with 95% Wilson intervals, grouped as you ask')
    .option('--by <dimensions>', `comma-separated: ${REPORT_DIMENSIONS.join(', ')}`, 'model')
    .option('--judge <name>', "whose labels count (judge id, or id@version); default: each response's latest judgment")
    .option('--exclude-blocked', 'leave provider-blocked (moderation) rows out: the "model only" lens')
    .option('--set <names>', 'only these question sets (comma-separated)')
    .option('--model <ids>', 'only these models (comma-separated)')
    .option('--sort <order>', 'keys or rate', 'keys')
    .option('--format <format>', 'table, json, csv or md', 'table')
    .option('--db <path>', 'store: SQLite file (default $CANDOR_DB or ./candor.db)')
    .addHelpText(
      'after',
      '\nThe rate is COMPLETE over all judged rows, errors included (they show as ERROR).\nJSON rows: grouping keys + total, COMPLETE, EVASIVE, DENIAL, ERROR, complete_rate, ci_low, ci_high.',
    )
    .action(async (options: ReportOptions) => {
      const groupBy = parseDimensions(options.by);
      const format = parseOutputFormat(options.format);
      if (options.sort !== 'keys' && options.sort !== 'rate') throw new UsageError(`--sort must be keys or rate (got "${options.sort}")`);
      const filters: Partial<Record<ReportDimension, string[]>> = {};
      if (options.set) filters.set = parseListOption(options.set);
      if (options.model) filters.model = parseListOption(options.model);
      await withStore(options.db, io, async (store) => {
        const rows = await rateReport(store, {
          groupBy,
          judge: options.judge ?? null,
          excludeBlocked: options.excludeBlocked ?? false,
          filters,
          sortByRate: options.sort === 'rate',
        });
        if (rows.length === 0 && format === 'table') {
          io.stderr.write('No judged responses match. Import some with `candor import speechmap <folder>`.\n');
        }
        io.stdout.write(formatRows(rows, rateColumns(groupBy), format));
      });
    });
}
