import type { Command } from 'commander';
import { compareSides, COMPARE_GROUP_FIELDS, formatCompareReport, isCompareGroupBy, type CompareGroupBy } from '../../reports/index.js';
import type { CliIo } from '../cli-io.js';
import { parseCompareSides } from '../parse-compare-sides.js';
import { parseListOption } from '../parse-list-option.js';
import { parseNumberOption } from '../parse-number-option.js';
import { parseOutputFormat } from '../parse-output-format.js';
import { UsageError } from '../usage-error.js';
import { withExistingStore } from '../with-store.js';

interface CompareOptions {
  set?: string;
  by?: string;
  languages?: string;
  judge?: string;
  excludeBlocked?: boolean;
  format?: string;
  flipped?: boolean;
  showFlips?: string;
  db?: string;
}

const GROUP_CHOICES = Object.keys(COMPARE_GROUP_FIELDS).join(', ');

/** --by for compare: one question field, or none. */
export function parseCompareGroupBy(value: string | undefined): CompareGroupBy | null {
  if (value === undefined) return null;
  if (!isCompareGroupBy(value)) throw new UsageError(`--by must be one of ${GROUP_CHOICES} (got "${value}")`);
  return value;
}

export function registerCompareCommand(program: Command, io: CliIo): void {
  program
    .command('compare')
    .description('paired comparison on identical questions: two models, routes, runs (drift) or languages')
    .argument('<sides...>', 'A B: model ids, model@route, or run:<id>; or one model with --languages')
    .option('--languages <a,b>', 'compare in two languages, pairing translated questions with their source (e.g. en,zh)')
    .option('--set <names>', 'only these question sets (comma-separated; with --languages, the source set or its translation)')
    .option('--by <field>', `one group per value of: ${GROUP_CHOICES}`)
    .option('--judge <name>', "whose labels count (judge id, or id@version); default: each response's latest judgment")
    .option('--exclude-blocked', 'leave provider-blocked rows out: the "model only" lens (default: as served)')
    .option('--flipped', 'print the questions that flipped (COMPLETE on one side only) instead of the summary')
    .option('--show-flips <n>', 'how many flipped questions the table/md summary lists', '10')
    .option('--format <format>', 'table, json, csv or md', 'table')
    .option('--db <path>', 'store: SQLite file (default $CANDOR_DB or ./candor.db)')
    .addHelpText(
      'after',
      [
        '',
        'Rows pair when both sides answered the same set + question id + sample (with --languages: the same',
        'source question). Per group: both rates with 95% Wilson intervals, A − B with Newcombe\'s paired',
        'interval, the exact McNemar p, Holm-adjusted across groups, and the flipped questions.',
        '',
        'Examples:',
        '  candor compare deepseek/deepseek-r1 perplexity/r1-1776 --set zh_china_criticism --format json',
        '  candor compare deepseek/deepseek-r1@DeepInfra deepseek/deepseek-r1@Novita --by set',
        '  candor compare run:<old-run> run:<new-run>',
        '  candor compare deepseek/deepseek-r1 --languages en,zh --set china_criticism',
      ].join('\n'),
    )
    .action(async (positionals: string[], options: CompareOptions) => {
      const [first, second] = parseCompareSides(positionals, options.languages);
      const by = parseCompareGroupBy(options.by);
      const format = parseOutputFormat(options.format);
      const flipsShown = parseNumberOption('show-flips', options.showFlips, { integer: true, min: 0 });
      await withExistingStore(options.db, io, async (store) => {
        const report = await compareSides(store, first, second, {
          sets: parseListOption(options.set),
          by,
          judge: options.judge ?? null,
          excludeBlocked: options.excludeBlocked ?? false,
        });
        if (report.result.overall.comparison.pairs === 0) {
          const loaded = (judges: Record<string, number>) => Object.values(judges).reduce((sum, count) => sum + count, 0);
          io.stderr.write(
            `No paired questions: A has ${loaded(report.judgesFirst)} judged rows, B has ${loaded(report.judgesSecond)}. ` +
              'Check the ids with `candor models` / `candor runs`, and the --set names with `candor sets`.\n',
          );
        }
        io.stdout.write(formatCompareReport(report, format, { flipsShown, flippedOnly: options.flipped ?? false }));
      });
    });
}
