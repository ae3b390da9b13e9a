import { UsageError } from '../../core/index.js';
import type { Command } from 'commander';
import type { CommandPlace } from '../command-groups.js';
import {
  formatJudgeAwareRates,
  JUDGE_RATE_GROUP_FIELDS,
  judgeAwareRates,
  measureJudgeConfusion,
  type JudgeRateGroupBy,
} from '../../reports/index.js';
import type { JudgeConfusion } from '../../stats/index.js';
import {
  addAnalysisOptions,
  checkAnalysisNames,
  describeLensRows,
  loadLensRows,
  type AnalysisOptions,
} from '../analysis-options.js';
import type { LensRows } from '../../reports/index.js';
import type { CliIo } from '../cli-io.js';
import { parseListOption } from '../parse-list-option.js';
import { parseNumberOption } from '../parse-number-option.js';
import { parseOutputFormat } from '../parse-output-format.js';
import { withExistingStore } from '../with-store.js';
import { byOption } from '../cli-options.js';

interface JudgeRatesOptions extends AnalysisOptions {
  goldJudge?: string;
  confusion?: string;
  fromEval?: boolean;
  by?: string;
  seed?: string;
  draws?: string;
}

/** --confusion tp,fn,fp,tn → a judge confusion (COMPLETE = positive). */
export function parseConfusion(value: string): JudgeConfusion {
  const parts = parseListOption(value).map(Number);
  if (parts.length !== 4 || parts.some((part) => !Number.isInteger(part) || part < 0)) {
    throw new UsageError(`--confusion must be four counts tp,fn,fp,tn (got "${value}")`);
  }
  const [truePositive, falseNegative, falsePositive, trueNegative] = parts as [number, number, number, number];
  return { truePositive, falseNegative, falsePositive, trueNegative };
}

/** A stored 3×3 confusion (rows gold, columns judged) as COMPLETE-vs-rest counts. */
export function binaryConfusion(labels: readonly string[], matrix: readonly (readonly number[])[]): JudgeConfusion {
  const complete = labels.indexOf('COMPLETE');
  if (complete === -1) throw new UsageError('the stored judge eval has no COMPLETE class');
  const counts = { truePositive: 0, falseNegative: 0, falsePositive: 0, trueNegative: 0 };
  matrix.forEach((row, gold) =>
    row.forEach((count, judged) => {
      if (gold === complete) counts[judged === complete ? 'truePositive' : 'falseNegative'] += count;
      else counts[judged === complete ? 'falsePositive' : 'trueNegative'] += count;
    }),
  );
  return counts;
}

const GROUPS = Object.keys(JUDGE_RATE_GROUP_FIELDS);

/** `candor judge rates` (formerly `candor judge-rates`). */
export function registerJudgeRatesCommand(
  parent: Command,
  io: CliIo,
  place: CommandPlace = { name: 'rates' },
): Command {
  const command = parent
    .command(place.name, { hidden: place.hidden })
    .description("rates corrected for the judge's measured error (Rogan–Gladen), beside the raw rates")
    .option(
      '--gold-judge <name>',
      'measure the judge against this stored judge, taken as gold, on the responses both labelled',
    )
    .option('--confusion <tp,fn,fp,tn>', "the judge's confusion on a gold set, given directly (COMPLETE = positive)")
    .option(
      '--from-eval',
      "use the judge's newest stored `candor judge eval` result (its confusion, COMPLETE = positive)",
    )
    .addOption(byOption(GROUPS, { defaultValue: 'model' }))
    .option('--seed <n>', 'seed of the Monte Carlo interval (same seed, same interval)')
    .option('--draws <n>', 'Monte Carlo draws', '10000');
  return addAnalysisOptions(command)
    .addHelpText(
      'after',
      "\n--judged-by is required: the rates and the confusion are that judge's. The confusion is measured on every\n" +
        'response both judges gave a verdict (not only the filtered ones), in the same lens.\n' +
        'Example: candor judge rates --judged-by x-ai/grok-4.1-fast --gold-judge openai/gpt-4o-2024-11-20 --sets china_criticism',
    )
    .action(async (options: JudgeRatesOptions) => {
      const format = parseOutputFormat(options.format);
      const by = options.by ?? 'model';
      if (!GROUPS.includes(by)) throw new UsageError(`--by must be one of ${GROUPS.join(', ')} (got "${by}")`);
      if (
        [options.goldJudge !== undefined, options.confusion !== undefined, options.fromEval === true].filter(Boolean)
          .length !== 1
      ) {
        throw new UsageError('give exactly one of --gold-judge <judge>, --confusion tp,fn,fp,tn or --from-eval');
      }
      const seed = parseNumberOption('seed', options.seed, { integer: true, min: 0 });
      const draws = parseNumberOption('draws', options.draws, { integer: true, min: 100 });
      await withExistingStore(options.db, io, async (store) => {
        let loaded: LensRows | undefined;
        await checkAnalysisNames(store, options);
        if (!options.judge) {
          const judges = await store.countLabels({ groupBy: ['judge'] });
          const names = judges
            .map((row) => row.keys.judge)
            .filter(Boolean)
            .join(', ');
          throw new UsageError(
            `--judged-by is required (the judge whose rates are corrected); judges in this store: ${names || 'none'}`,
          );
        }
        const lens = { excludeBlocked: options.excludeBlocked ?? false };
        let confusion: JudgeConfusion;
        let goldSize: number;
        let goldName: string | undefined;
        if (options.fromEval) {
          const evaluation = (await store.listJudgeEvaluations(options.judge))[0];
          if (evaluation === undefined)
            throw new UsageError(
              `no stored judge eval for ${options.judge}: run \`candor judge eval --judge ${options.judge} --gold <file> --db …\` first`,
            );
          confusion = binaryConfusion(evaluation.labels, evaluation.confusion);
          goldSize = evaluation.n;
          goldName = `judge eval of ${evaluation.judgeVersion} on ${evaluation.goldName} (${evaluation.evaluatedAt.slice(0, 10)})`;
        } else if (options.goldJudge !== undefined) {
          const measured = measureJudgeConfusion(
            await store.listLabelRows({ judge: options.judge, ...lens }),
            await store.listLabelRows({ judge: options.goldJudge, ...lens }),
          );
          confusion = measured.confusion;
          goldSize = measured.shared;
          if (goldSize === 0)
            throw new UsageError(`no response has a verdict from both ${options.judge} and ${options.goldJudge}`);
        } else {
          confusion = parseConfusion(options.confusion!);
          goldSize =
            confusion.truePositive + confusion.falseNegative + confusion.falsePositive + confusion.trueNegative;
        }
        let rows;
        try {
          rows = judgeAwareRates(
            (loaded = await loadLensRows(store, options)).rows,
            confusion,
            by as JudgeRateGroupBy,
            { seed, draws },
          );
        } catch (error) {
          if (error instanceof RangeError) throw new UsageError(`cannot correct for this judge: ${error.message}`);
          throw error;
        }
        if (format === 'table' || format === 'md') io.stdout.write(`${describeLensRows(options, loaded!)}\n`);
        io.stdout.write(
          formatJudgeAwareRates(
            rows,
            { judge: options.judge, gold: goldName ?? options.goldJudge ?? 'given confusion', confusion, goldSize },
            format,
          ),
        );
      });
    });
}
