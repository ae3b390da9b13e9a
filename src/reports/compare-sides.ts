import type { CandorStore, LabelRow } from '../store/index.js';
import type { CompareGroupBy } from './compare-group-by.js';
import { compareLabelRows, type CompareResult } from './compare-label-rows.js';
import { describeSide, sideFilters, type CompareSide } from './compare-side.js';
import { pairedQuestion } from './pair-label-rows.js';

export interface CompareSidesOptions {
  /** Only these sets; with a language side, a set matches its translations too. */
  sets?: readonly string[];
  by?: CompareGroupBy | null;
  judge?: string | null;
  excludeBlocked?: boolean;
}

export interface CompareReport {
  first: string;
  second: string;
  /** How rows were matched: same set + question id + sample, or through translation links. */
  pairing: 'question' | 'translation';
  judge: string | null;
  excludeBlocked: boolean;
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
  const load = async (side: CompareSide): Promise<LabelRow[]> => {
    const filters = { ...sideFilters(side), ...(sets.length > 0 && !viaTranslation ? { set: sets } : {}) };
    const rows = await store.listLabelRows({ judge: options.judge ?? null, excludeBlocked: options.excludeBlocked ?? false, filters });
    if (!viaTranslation || sets.length === 0) return rows;
    return rows.filter((row) => sets.includes(row.set) || sets.includes(pairedQuestion(row, { viaTranslation }).set));
  };
  const [firstRows, secondRows] = [await load(first), await load(second)];
  const result = compareLabelRows(firstRows, secondRows, { viaTranslation, by: options.by ?? null });
  return {
    first: describeSide(first),
    second: describeSide(second),
    pairing: viaTranslation ? 'translation' : 'question',
    judge: options.judge ?? null,
    excludeBlocked: options.excludeBlocked ?? false,
    judgesFirst: judgesOf(firstRows),
    judgesSecond: judgesOf(secondRows),
    result,
  };
}
