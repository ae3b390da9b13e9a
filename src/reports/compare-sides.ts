import type { CandorStore, LabelRow, ReportDimension } from '../store/index.js';
import type { CompareGroupBy } from './dimensions.js';
import { compareLabelRows, type CompareResult } from './compare-label-rows.js';
import { lensFrom, type Lens } from './lens.js';
import { lensRows } from './lens.js';
import { pairedQuestion } from './pair-label-rows.js';

/**
 * One side of a paired comparison: a model (all its routes), a model through one upstream route,
 * one run (drift: the same model tested twice), or a model in one language (paired through
 * translation links).
 */
export type CompareSide =
  | { kind: 'model'; model: string }
  | { kind: 'route'; model: string; route: string }
  | { kind: 'run'; runId: string }
  | { kind: 'language'; model: string; language: string };

/** The store filters that select a side's rows. */
export function sideFilters(side: CompareSide): Partial<Record<ReportDimension, string>> {
  switch (side.kind) {
    case 'model':
      return { model: side.model };
    case 'route':
      return { model: side.model, route: side.route };
    case 'run':
      return { run: side.runId };
    case 'language':
      return { model: side.model, language: side.language };
  }
}

/** A side as written on the command line: `model`, `model@route`, `run:<id>`, `model` in `language`. */
export function describeSide(side: CompareSide): string {
  switch (side.kind) {
    case 'model':
      return side.model;
    case 'route':
      return `${side.model}@${side.route}`;
    case 'run':
      return `run:${side.runId}`;
    case 'language':
      return `${side.model} [${side.language}]`;
  }
}

/** Fewer pairs than this and a comparison is flagged as too small to read (routes, drift, languages). */
export const MIN_PAIRS = 30;

export interface CompareSidesOptions {
  /** Only these sets; with a language side, a set matches its translations too. */
  sets?: readonly string[];
  by?: CompareGroupBy | null;
  judge?: string | null;
  excludeBlocked?: boolean;
  lens?: Lens;
  includeTest?: boolean;
}

export interface CompareReport {
  first: string;
  second: string;
  /** How rows were matched: same set + question id + sample, or through translation links. */
  pairing: 'question' | 'translation';
  judge: string | null;
  excludeBlocked: boolean;
  lens: Lens;
  /** Rows of each side left out as missing (technical or judge failures) or, in model-only, as blocked. */
  missingFirst: number;
  missingSecond: number;
  /** Judge id@version → rows it labelled, per side: a rate is only as good as its judge. */
  judgesFirst: Record<string, number>;
  judgesSecond: Record<string, number>;
  result: CompareResult;
}

function judgesOf(rows: readonly LabelRow[]): Record<string, number> {
  const judges: Record<string, number> = {};
  for (const row of rows) {
    const key = `${row.judgeId}@${row.judgeVersion}`;
    judges[key] = (judges[key] ?? 0) + 1;
  }
  return judges;
}

/** Loads both sides from the store and compares them on identical (or translated) questions. */
export async function compareSides(
  store: CandorStore,
  first: CompareSide,
  second: CompareSide,
  options: CompareSidesOptions = {},
): Promise<CompareReport> {
  const viaTranslation = first.kind === 'language' || second.kind === 'language';
  const sets = options.sets ?? [];
  const lens = options.lens ?? lensFrom(options);
  let missingFirst = 0;
  let missingSecond = 0;
  const load = async (side: CompareSide): Promise<LabelRow[]> => {
    const filters = { ...sideFilters(side), ...(sets.length > 0 && !viaTranslation ? { set: sets } : {}) };
    const loaded = lensRows(
      await store.listLabelRows({ judge: options.judge ?? null, includeTest: options.includeTest ?? false, filters }),
      lens,
    );
    const left = loaded.missing + loaded.blockedOut;
    if (side === first) missingFirst = left;
    else missingSecond = left;
    const rows = loaded.rows;
    if (!viaTranslation || sets.length === 0) return rows;
    return rows.filter((row) => sets.includes(row.set) || sets.includes(pairedQuestion(row, { viaTranslation }).set));
  };
  const [firstRows, secondRows] = [await load(first), await load(second)];
  const result = compareLabelRows(firstRows, secondRows, { viaTranslation, by: options.by ?? null, lens });
  return {
    first: describeSide(first),
    second: describeSide(second),
    pairing: viaTranslation ? 'translation' : 'question',
    judge: options.judge ?? null,
    excludeBlocked: lens === 'model-only',
    lens,
    missingFirst,
    missingSecond,
    judgesFirst: judgesOf(firstRows),
    judgesSecond: judgesOf(secondRows),
    result,
  };
}
