import { UsageError } from '../core/index.js';
import type { Command } from 'commander';
import {
  checkNames,
  describeLensRule,
  lensFrom,
  lensRows,
  LENSES,
  type Lens,
  type LensRows,
  type NamesToCheck,
} from '../reports/index.js';
import type { CandorStore, LabelRowQuery, ReportDimension } from '../store/index.js';
import { parseListOption } from './parse-list-option.js';
import { formatOption, shared, TABLE_FORMATS } from './cli-options.js';

/** Options every analysis command shares: the lens, the judge, the row filters, the output. */
export interface AnalysisOptions {
  judge?: string;
  excludeBlocked?: boolean;
  lens?: string;
  includeTest?: boolean;
  set?: string;
  model?: string;
  format?: string;
  db?: string;
}

/** Adds --lens, --exclude-blocked, --include-test (the lens options). */
export function addLensOptions(command: Command): Command {
  return command
    .option('--lens <lens>', `${LENSES.join(', ')} (default as-served; see docs/methodology.md)`)
    .option('--exclude-blocked', 'the "model only" lens: leave provider-blocked rows out (same as --lens model-only)')
    .option('--include-test', 'count test runs too (mock server, loopback endpoints, replay:), left out by default');
}

/** Adds --judged-by, --lens, --exclude-blocked, --include-test, --sets, --models, --format and --db. */
export function addAnalysisOptions(command: Command): Command {
  return addLensOptions(command.addOption(shared('sets')).addOption(shared('models')).addOption(shared('judgedBy')))
    .addOption(formatOption(TABLE_FORMATS, 'table'))
    .addOption(shared('db'));
}

/** The lens the options ask for; a bad --lens is a usage error. */
export function lensOf(options: Pick<AnalysisOptions, 'lens' | 'excludeBlocked'>): Lens {
  try {
    return lensFrom(options);
  } catch (error) {
    throw new UsageError(`--lens: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * The label-row query the shared options describe; `sets` overrides --sets when given. Blocked rows
 * are always read: the lens (applied by the reports) decides whether they count.
 */
export function analysisQuery(options: AnalysisOptions, sets?: readonly string[]): LabelRowQuery {
  const filters: Partial<Record<ReportDimension, string[]>> = {};
  const setList = sets ? [...sets] : parseListOption(options.set);
  if (setList.length > 0) filters.set = setList;
  const models = parseListOption(options.model);
  if (models.length > 0) filters.model = models;
  return { judge: options.judge ?? null, includeTest: options.includeTest ?? false, filters };
}

/** Every model, set and judge named by the shared options must exist (else a one-line error with the closest names). */
export async function checkAnalysisNames(
  store: CandorStore,
  options: AnalysisOptions,
  extra: NamesToCheck = {},
): Promise<void> {
  await checkNames(store, {
    set: parseListOption(options.set),
    model: parseListOption(options.model),
    judge: options.judge ?? null,
    ...extra,
  });
}

/** A one-line description of the lens and judge, printed above readable tables. */
export function describeLens(options: AnalysisOptions): string {
  return `${describeLensRule(lensOf(options))}; judge: ${options.judge ?? "each response's latest judgment"}${options.includeTest ? '; test runs included' : ''}`;
}

/** The label rows the options select, with the lens applied (missing rows counted, not kept). */
export async function loadLensRows(
  store: CandorStore,
  options: AnalysisOptions,
  sets?: readonly string[],
): Promise<LensRows> {
  return lensRows(await store.listLabelRows(analysisQuery(options, sets)), lensOf(options));
}

/** The lens line plus the count of answers left out as missing (shown above readable tables). */
export function describeLensRows(options: AnalysisOptions, loaded: LensRows): string {
  const parts = [`missing (technical or judge failures, not in any denominator): ${loaded.missing}`];
  if (loaded.blockedOut > 0) parts.push(`provider-blocked left out: ${loaded.blockedOut}`);
  return `${describeLens(options)}\n${parts.join('; ')}`;
}
