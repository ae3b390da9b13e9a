import type { Command } from 'commander';
import { formatRows, questionContention, type Column, type ContentionRow } from '../../reports/index.js';
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

interface ContentionOptions extends AnalysisOptions {
  top?: string;
  minModels?: string;
  includeErrors?: boolean;
}

/** A question's contention as scripts read it (JSON and CSV keys), in the row's order. */
interface ContentionOutput {
  set: string;
  question_id: string;
  domain: string | null;
  theme: string | null;
  models: number;
  n: number;
  COMPLETE: number;
  EVASIVE: number;
  DENIAL: number;
  ERROR: number;
  complete_rate: number;
  entropy: number;
  normalized_entropy: number;
}

function contentionOutput(row: ContentionRow): ContentionOutput {
  return {
    set: row.set,
    question_id: row.questionId,
    domain: row.domain,
    theme: row.theme,
    models: row.models,
    n: row.n,
    COMPLETE: row.COMPLETE,
    EVASIVE: row.EVASIVE,
    DENIAL: row.DENIAL,
    ERROR: row.ERROR,
    complete_rate: row.completeRate,
    entropy: row.entropy,
    normalized_entropy: row.normalizedEntropy,
  };
}

const CONTENTION_COLUMNS: Column<ContentionOutput>[] = [
  { key: 'set', header: 'set', kind: 'text' },
  { key: 'question_id', header: 'question_id', kind: 'text' },
  { key: 'domain', header: 'domain', kind: 'text' },
  { key: 'models', header: 'models', kind: 'integer' },
  { key: 'n', header: 'n', kind: 'integer' },
  { key: 'COMPLETE', header: 'COMPLETE', kind: 'integer' },
  { key: 'EVASIVE', header: 'EVASIVE', kind: 'integer' },
  { key: 'DENIAL', header: 'DENIAL', kind: 'integer' },
  { key: 'ERROR', header: 'ERROR', kind: 'integer' },
  { key: 'complete_rate', header: 'complete', kind: 'rate' },
  { key: 'entropy', header: 'entropy (bits)', kind: 'number' },
  { key: 'normalized_entropy', header: 'normalized', kind: 'number' },
];

export function registerContentionCommand(program: Command, io: CliIo): void {
  const command = program
    .command('contention')
    .description('the most divisive questions: entropy of the labels different models gave each question')
    .option('--top <n>', 'how many questions to list (0 = all)', '20')
    .option('--min-models <n>', 'skip questions answered by fewer models', '3')
    .option('--include-errors', 'count ERROR as a fourth label (default: errors are left out of the entropy)');
  addAnalysisOptions(command)
    .addHelpText(
      'after',
      '\nEntropy is in bits over COMPLETE / EVASIVE / DENIAL (max log2 3 ≈ 1.585); normalized divides by that maximum.\nExample: candor contention --set us_hard --top 20',
    )
    .action(async (options: ContentionOptions) => {
      const format = parseOutputFormat(options.format);
      const top = parseNumberOption('top', options.top, { integer: true, min: 0 });
      const minModels = parseNumberOption('min-models', options.minModels, { integer: true, min: 1 });
      await withExistingStore(options.db, io, async (store) => {
        let loaded: LensRows | undefined;
        await checkAnalysisNames(store, options);
        const rows = questionContention((loaded = await loadLensRows(store, options)).rows, {
          includeErrors: options.includeErrors ?? false,
          minModels,
          top: top === 0 ? undefined : top,
        });
        if (rows.length === 0)
          io.stderr.write(
            `No question has judged answers from at least ${minModels} models; lower --min-models or widen --sets.\n`,
          );
        if (format === 'table' || format === 'md') io.stdout.write(`${describeLensRows(options, loaded!)}\n\n`);
        io.stdout.write(formatRows(rows.map(contentionOutput), CONTENTION_COLUMNS, format));
      });
    });
}
