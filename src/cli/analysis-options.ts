import type { Command } from 'commander';
import type { LabelRowQuery, ReportDimension } from '../store/index.js';
import { parseListOption } from './parse-list-option.js';

/** Options every analysis command shares: the lens, the judge, the row filters, the output. */
export interface AnalysisOptions {
  judge?: string;
  excludeBlocked?: boolean;
  set?: string;
  model?: string;
  format?: string;
  db?: string;
}

/** Adds --judge, --exclude-blocked, --set, --model, --format and --db. */
export function addAnalysisOptions(command: Command): Command {
  return command
    .option('--set <names>', 'only these question sets (comma-separated)')
    .option('--model <ids>', 'only these models (comma-separated)')
    .option('--judge <name>', "whose labels count (judge id, or id@version); default: each response's latest judgment")
    .option('--exclude-blocked', 'leave provider-blocked rows out: the "model only" lens (default: as served, blocked = not complete)')
    .option('--format <format>', 'table, json, csv or md', 'table')
    .option('--db <path>', 'store: SQLite file (default $CANDOR_DB or ./candor.db)');
}

/** The label-row query the shared options describe; `sets` overrides --set when given. */
export function analysisQuery(options: AnalysisOptions, sets?: readonly string[]): LabelRowQuery {
  const filters: Partial<Record<ReportDimension, string[]>> = {};
  const setList = sets ? [...sets] : parseListOption(options.set);
  if (setList.length > 0) filters.set = setList;
  const models = parseListOption(options.model);
  if (models.length > 0) filters.model = models;
  return { judge: options.judge ?? null, excludeBlocked: options.excludeBlocked ?? false, filters };
}

/** A one-line description of the lens and judge, printed above readable tables. */
export function describeLens(options: AnalysisOptions): string {
  const lens = options.excludeBlocked ? 'model only (provider-blocked rows left out)' : 'as served (provider-blocked rows count as not complete)';
  return `lens: ${lens}; judge: ${options.judge ?? "each response's latest judgment"}`;
}
