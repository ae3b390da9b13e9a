import type { Command } from 'commander';
import { CandorError, UsageError } from '../../core/index.js';
import {
  checkNames,
  compareSides,
  COMPARE_GROUP_FIELDS,
  formatCompareReport,
  isCompareGroupBy,
  type CompareGroupBy,
  type CompareSide,
  type NamesToCheck,
} from '../../reports/index.js';
import { addLensOptions, lensOf } from '../analysis-options.js';
import type { CliIo } from '../cli-io.js';
import { parseCompareSides } from '../parse-compare-sides.js';
import { parseListOption } from '../parse-list-option.js';
import { parseNumberOption } from '../parse-number-option.js';
import { parseOutputFormat } from '../parse-output-format.js';
import { withExistingStore } from '../with-store.js';
import { byOption, formatOption, shared, TABLE_FORMATS } from '../cli-options.js';

interface CompareOptions {
  set?: string;
  by?: string;
  languages?: string;
  judge?: string;
  excludeBlocked?: boolean;
  lens?: string;
  includeTest?: boolean;
  format?: string;
  flipped?: boolean;
  showFlips?: string;
  db?: string;
}

const GROUP_CHOICES = Object.keys(COMPARE_GROUP_FIELDS).join(', ');

/** The names a side refers to, for checking against the store. */
function namesOf(side: CompareSide): NamesToCheck {
  switch (side.kind) {
    case 'model':
    case 'route':
      return { model: side.model };
    case 'run':
      return { run: side.runId };
    case 'language':
      return { model: side.model, language: side.language };
  }
}

/** --by for compare: one question field, or none. */
export function parseCompareGroupBy(value: string | undefined): CompareGroupBy | null {
  if (value === undefined) return null;
  if (!isCompareGroupBy(value)) throw new UsageError(`--by must be one of ${GROUP_CHOICES} (got "${value}")`);
  return value;
}

export function registerCompareCommand(program: Command, io: CliIo): void {
  const command = program
    .command('compare')
    .description('paired comparison on identical questions: two models, routes, runs (drift) or languages')
    .argument('<sides...>', 'A B: model ids, model@route, or run:<id>; or one model with --languages')
    .option(
      '--languages <a,b>',
      'compare in two languages, pairing translated questions with their source (e.g. en,zh)',
    )
    .addOption(
      shared('sets', {
        description: 'only these question sets (comma-separated; with --languages, the source set or its translation)',
      }),
    )
    .addOption(byOption(Object.keys(COMPARE_GROUP_FIELDS)))
    .addOption(shared('judgedBy'));
  addLensOptions(command)
    .option('--flipped', 'print the questions that flipped (COMPLETE on one side only) instead of the summary')
    .option('--show-flips <n>', 'how many flipped questions the table/md summary lists', '10')
    .addOption(formatOption(TABLE_FORMATS, 'table'))
    .addOption(shared('db'))
    .addHelpText(
      'after',
      [
        '',
        'Rows pair when both sides answered the same set + question id + sample (with --languages: the same',
        "source question). Per group: both rates with 95% Wilson intervals, A − B with Newcombe's paired",
        'interval, the exact McNemar p, Holm-adjusted across groups, and the flipped questions.',
        '',
        'Examples:',
        '  candor compare deepseek/deepseek-r1 perplexity/r1-1776 --sets zh_china_criticism --format json',
        '  candor compare deepseek/deepseek-r1@DeepInfra deepseek/deepseek-r1@Novita --by set',
        '  candor compare run:<old-run> run:<new-run>',
        '  candor compare deepseek/deepseek-r1 --languages en,zh --sets china_criticism',
      ].join('\n'),
    )
    .action(async (positionals: string[], options: CompareOptions) => {
      const [first, second] = parseCompareSides(positionals, options.languages);
      const by = parseCompareGroupBy(options.by);
      const format = parseOutputFormat(options.format);
      const flipsShown = parseNumberOption('show-flips', options.showFlips, { integer: true, min: 0 });
      const lens = lensOf(options);
      await withExistingStore(options.db, io, async (store) => {
        for (const side of [first, second]) await checkNames(store, namesOf(side));
        await checkNames(store, { set: parseListOption(options.set), judge: options.judge ?? null });
        const report = await compareSides(store, first, second, {
          sets: parseListOption(options.set),
          by,
          judge: options.judge ?? null,
          lens,
          includeTest: options.includeTest ?? false,
        });
        if (report.result.overall.comparison.pairs === 0) {
          const loaded = (judges: Record<string, number>) =>
            Object.values(judges).reduce((sum, count) => sum + count, 0);
          throw new CandorError(
            'no_pairs',
            `no paired questions: A has ${loaded(report.judgesFirst)} usable judged rows, B has ${loaded(report.judgesSecond)}; nothing to compare (check the ids with \`candor models list\` / \`candor run list\`, and --sets with \`candor sets\`)`,
          );
        }
        io.stdout.write(formatCompareReport(report, format, { flipsShown, flippedOnly: options.flipped ?? false }));
      });
    });
}
