import { UsageError } from '../../core/index.js';
import type { Command } from 'commander';
import {
  comparableRanking,
  describeLensRule,
  formatRows,
  rateColumns,
  rateReport,
  rateRowOutput,
  type Column,
  type RateRow,
  type RateRowOutput,
} from '../../reports/index.js';
import { isReportDimension, REPORT_DIMENSIONS, type ReportDimension } from '../../store/index.js';
import { addLensOptions, checkAnalysisNames, lensOf } from '../analysis-options.js';
import type { CliIo } from '../cli-io.js';
import { parseListOption } from '../parse-list-option.js';
import { parseOutputFormat } from '../parse-output-format.js';
import { withExistingStore } from '../with-store.js';
import { byOption, formatOption, shared, TABLE_FORMATS } from '../cli-options.js';

interface ReportOptions {
  by: string;
  judge?: string;
  excludeBlocked?: boolean;
  lens?: string;
  includeTest?: boolean;
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

type NotedRow = RateRowOutput & { note: string };

const INCOMPLETE_NOTE = 'incomplete: >10% missing, not ranked (`candor run retry <run-id>`)';
const noted = (rows: readonly RateRow[], note: (row: RateRow) => string): NotedRow[] =>
  rows.map((row) => ({ ...rateRowOutput(row), note: note(row) }));

export function registerReportCommand(program: Command, io: CliIo): void {
  const command = program
    .command('report')
    .description('compliance rates with 95% Wilson intervals, grouped as you ask')
    .addOption(byOption(REPORT_DIMENSIONS, { defaultValue: 'model', several: true }))
    .addOption(shared('judgedBy'));
  addLensOptions(command)
    .addOption(shared('sets'))
    .addOption(shared('models'))
    .option('--sort <order>', 'keys or rate (by rate: ranked only on the same questions, see below)', 'keys')
    .addOption(formatOption(TABLE_FORMATS, 'table'))
    .addOption(shared('db'))
    .addHelpText(
      'after',
      '\nThe rate is COMPLETE over the answers the lens counts (docs/methodology.md). Technical failures\n' +
        '(provider errors, truncation, empty) are missing data: outside n, shown as "missing". A row with more\n' +
        'than 10% missing is incomplete and never ranked. `--by model --sort rate` without one --sets ranks only\n' +
        'on the sets every ranked model answered and lists the others apart.\n' +
        'JSON rows: grouping keys + lens, total, n, missing, blocked, incomplete, COMPLETE, EVASIVE, DENIAL, ERROR,\n' +
        'complete_rate, ci_low, ci_high.',
    )
    .action(async (options: ReportOptions) => {
      const groupBy = parseDimensions(options.by);
      const format = parseOutputFormat(options.format);
      const lens = lensOf(options);
      if (options.sort !== 'keys' && options.sort !== 'rate')
        throw new UsageError(`--sort must be keys or rate (got "${options.sort}")`);
      const filters: Partial<Record<ReportDimension, string[]>> = {};
      if (options.set) filters.set = parseListOption(options.set);
      if (options.model) filters.model = parseListOption(options.model);
      const readable = format === 'table' || format === 'md';
      const columns: Column<NotedRow>[] = [
        ...(rateColumns(groupBy) as Column<NotedRow>[]),
        { key: 'note', header: 'note', kind: 'text' },
      ];
      await withExistingStore(options.db, io, async (store) => {
        await checkAnalysisNames(store, options);
        const query = { judge: options.judge ?? null, includeTest: options.includeTest ?? false, filters, lens };
        if (readable)
          io.stdout.write(`${describeLensRule(lens)}${options.includeTest ? '; test runs included' : ''}\n\n`);
        const leaderboard =
          options.sort === 'rate' && groupBy.length === 1 && groupBy[0] === 'model' && (filters.set?.length ?? 0) !== 1;
        if (leaderboard) {
          const ranking = await comparableRanking(store, query);
          const ranked = [
            ...noted(ranking.ranked, () => ''),
            ...noted(ranking.incomplete, (row) => (row.n === 0 ? 'nothing counted' : INCOMPLETE_NOTE)),
          ];
          const apart = noted(ranking.apart, (row) =>
            row.incomplete ? `other sets; ${INCOMPLETE_NOTE}` : 'other sets, not ranked',
          );
          const rows = [...ranked, ...apart].map((row, index) => ({
            ...row,
            rank: index < ranking.ranked.length ? index + 1 : null,
            ranking_sets: ranking.sets.join(','),
          }));
          if (format === 'json') {
            io.stdout.write(formatRows(rows, [], format));
            return;
          }
          if (!readable) io.stderr.write(`${ranking.rule}\n`);
          if (readable) io.stdout.write(`${ranking.rule}\nranking sets: ${ranking.sets.join(', ') || '(none)'}\n\n`);
          io.stdout.write(
            formatRows(
              rows,
              [{ key: 'rank', header: '#', kind: 'integer' }, ...columns] as Column<(typeof rows)[number]>[],
              format,
            ),
          );
          return;
        }
        const rows = await rateReport(store, { groupBy, ...query, sortByRate: options.sort === 'rate' });
        if (rows.length === 0 && format === 'table') {
          io.stderr.write('No judged responses match. Import some with `candor import speechmap <folder>`.\n');
        }
        io.stdout.write(
          formatRows(
            noted(rows, (row) => (row.incomplete ? INCOMPLETE_NOTE : '')),
            columns,
            format,
          ),
        );
      });
    });
}
