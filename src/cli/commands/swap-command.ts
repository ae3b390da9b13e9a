import type { Command } from 'commander';
import { entitySwap, formatEntitySwap, templatedSets, type SwapView } from '../../reports/index.js';
import { addAnalysisOptions, analysisQuery, describeLens, type AnalysisOptions } from '../analysis-options.js';
import type { CliIo } from '../cli-io.js';
import { parseListOption } from '../parse-list-option.js';
import { parseOutputFormat } from '../parse-output-format.js';
import { UsageError } from '../usage-error.js';
import { withExistingStore } from '../with-store.js';

interface SwapOptions extends AnalysisOptions {
  targets?: string;
  baseline?: string;
  view?: string;
}

const VIEWS = ['both', 'rates', 'asymmetry'] as const;

export function registerSwapCommand(program: Command, io: CliIo): void {
  const command = program
    .command('swap')
    .description('entity swap: the same request templates about different countries, rate per target and the asymmetry')
    .option('--targets <codes>', 'only these target countries (comma-separated, e.g. CN,US)')
    .option('--baseline <code>', 'only compare this target against each other one (e.g. CN)')
    .option('--view <view>', 'both, rates or asymmetry (CSV holds one table: both means asymmetry)', 'both');
  addAnalysisOptions(command)
    .addHelpText(
      'after',
      '\nQuestions pair when they share a template id (SpeechMap: criticism_NN across the china/us/eu/russia sets)\n' +
        'and a sample. Default sets: every set whose questions have a template id and a target country.',
    )
    .action(async (options: SwapOptions) => {
      const format = parseOutputFormat(options.format);
      const view = options.view ?? 'both';
      if (!(VIEWS as readonly string[]).includes(view)) throw new UsageError(`--view must be one of ${VIEWS.join(', ')} (got "${view}")`);
      await withExistingStore(options.db, io, async (store) => {
        const sets = options.set ? parseListOption(options.set) : await templatedSets(store);
        if (sets.length === 0) throw new UsageError('no question set has template ids and target countries; import the SpeechMap criticism sets first');
        const rows = await store.listLabelRows(analysisQuery(options, sets));
        const swap = entitySwap(rows, { targets: parseListOption(options.targets), baseline: options.baseline ?? null });
        if (swap.rates.length === 0) io.stderr.write('No judged rows with a template id and a target country match.\n');
        if (format === 'table' || format === 'md') io.stdout.write(`${describeLens(options)}\n\n`);
        io.stdout.write(formatEntitySwap(swap, format, view as SwapView));
      });
    });
}
