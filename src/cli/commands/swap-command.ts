import { UsageError } from '../../core/index.js';
import type { Command } from 'commander';
import { checkNames, entitySwap, formatEntitySwap, setsByTemplateKind, type SwapView } from '../../reports/index.js';
import {
  addAnalysisOptions,
  checkAnalysisNames,
  describeLensRows,
  loadLensRows,
  type AnalysisOptions,
} from '../analysis-options.js';
import type { CliIo } from '../cli-io.js';
import { parseListOption } from '../parse-list-option.js';
import { parseOutputFormat } from '../parse-output-format.js';
import { withExistingStore } from '../with-store.js';

interface SwapOptions extends AnalysisOptions {
  targets?: string;
  baseline?: string;
  view?: string;
  sameFormat?: boolean;
}

const VIEWS = ['both', 'rates', 'asymmetry'] as const;

export function registerSwapCommand(program: Command, io: CliIo): void {
  const command = program
    .command('swap')
    .description(
      'entity swap: the same request template about different countries, only the entity changed; rate per target and the asymmetry',
    )
    .option('--targets <codes>', 'only these target countries (comma-separated, e.g. CN,US)')
    .option('--baseline <code>', 'only compare this target against each other one (e.g. CN)')
    .option(
      '--same-format',
      "compare sets that share a format but not the text (SpeechMap's criticism_NN across the china/us/eu/russia sets); labelled as such, never as a swap",
    )
    .option('--view <view>', 'both, rates or asymmetry (CSV holds one table: both means asymmetry)', 'both');
  addAnalysisOptions(command)
    .addHelpText(
      'after',
      '\nAn entity swap pairs questions generated from one template with only the target changed (the built-in\n' +
        'candor_world / candor_symmetry sets, or any set where one template id has several targets), on\n' +
        "template + sample. SpeechMap's criticism sets share a numbered format, not the text: use --same-format.",
    )
    .action(async (options: SwapOptions) => {
      const format = parseOutputFormat(options.format);
      const view = options.view ?? 'both';
      if (!(VIEWS as readonly string[]).includes(view))
        throw new UsageError(`--view must be one of ${VIEWS.join(', ')} (got "${view}")`);
      await withExistingStore(options.db, io, async (store) => {
        await checkAnalysisNames(store, options, {
          country: [...parseListOption(options.targets), ...(options.baseline ? [options.baseline] : [])],
        });
        const kinds = await setsByTemplateKind(store);
        const kind = options.sameFormat ? 'same-format' : 'entity-swap';
        const allowed = kinds[kind];
        const sets = options.set ? parseListOption(options.set) : allowed;
        for (const set of sets) {
          if (!allowed.includes(set)) {
            throw new UsageError(
              kind === 'entity-swap'
                ? `--sets ${set}: not an entity-swap set (its questions are not one template with only the target changed)${kinds['same-format'].includes(set) ? '; compare it with --same-format' : ''}`
                : `--sets ${set}: not a same-format set`,
            );
          }
        }
        if (sets.length === 0) {
          throw new UsageError(
            kind === 'entity-swap'
              ? `no entity-swap set in this store; run a built-in set (e.g. \`candor run --set candor_world\`)${kinds['same-format'].length > 0 ? ", or compare SpeechMap's criticism sets with --same-format" : ''}`
              : 'no same-format set in this store; import the SpeechMap criticism sets first',
          );
        }
        await checkNames(store, { set: sets });
        const loaded = await loadLensRows(store, options, sets);
        const swap = entitySwap(loaded.rows, {
          targets: parseListOption(options.targets),
          baseline: options.baseline ?? null,
          kind,
        });
        if (swap.rates.length === 0) io.stderr.write('No judged rows with a template id and a target country match.\n');
        if (format === 'table' || format === 'md') io.stdout.write(`${describeLensRows(options, loaded)}\n\n`);
        io.stdout.write(formatEntitySwap(swap, format, view as SwapView));
      });
    });
}
