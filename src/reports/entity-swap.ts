import { holmAdjust } from '../stats/holm-adjust.js';
import type { LabelRow, CandorStore } from '../store/index.js';
import { rateOf } from './lens.js';
import { groupRows } from './rates.js';
import { pairLabelRows, pairedRateComparison } from './pair-label-rows.js';

/** One model's rate on one target country, over the templated questions about it. */
export interface SwapRateRow {
  model: string;
  language: string;
  target: string;
  total: number;
  complete: number;
  rate: number | null;
  ci_low: number | null;
  ci_high: number | null;
}

/** Asymmetry between two targets of the same templates: paired on template + sample. */
export interface SwapAsymmetryRow {
  model: string;
  language: string;
  target_a: string;
  target_b: string;
  /** Templates (× samples) asked about both targets. */
  n_pairs: number;
  rate_a: number | null;
  rate_a_low: number | null;
  rate_a_high: number | null;
  rate_b: number | null;
  rate_b_low: number | null;
  rate_b_high: number | null;
  difference: number;
  difference_low: number;
  difference_high: number;
  a_only: number;
  b_only: number;
  mcnemar_p: number;
  /** Holm-adjusted over the target pairs of this model and language. */
  holm_p: number;
}

export interface EntitySwap {
  /** entity-swap: one template, only the entity changed; same-format: different requests sharing a format (never called a swap). */
  kind: TemplateKind;
  rates: SwapRateRow[];
  asymmetry: SwapAsymmetryRow[];
}

export interface EntitySwapOptions {
  /** Only these targets (default: every target found). */
  targets?: readonly string[];
  /** Only pairs that include this target (e.g. CN: CN vs each other). */
  baseline?: string | null;
  /** What the pairs are (default entity-swap); said in every output. */
  kind?: TemplateKind;
}

const templateKey = (row: LabelRow) => JSON.stringify([row.templateId, row.sample]);

/**
 * Entity swap: the same request template asked about different target countries. Per model and
 * language, the rate for each target, and for each pair of targets the paired difference on the
 * shared templates (Newcombe paired interval, exact McNemar, Holm over the pairs).
 * Rows without a template id or a target country are ignored.
 */
export function entitySwap(rows: readonly LabelRow[], options: EntitySwapOptions = {}): EntitySwap {
  const wanted = options.targets && options.targets.length > 0 ? new Set(options.targets) : null;
  const usable = rows.filter(
    (row) => row.templateId !== null && row.country !== null && (wanted === null || wanted.has(row.country)),
  );
  const rates: SwapRateRow[] = [];
  const asymmetry: SwapAsymmetryRow[] = [];
  const byModel = groupRows(usable, (row) => JSON.stringify([row.model, row.language]));
  for (const key of [...byModel.keys()].sort()) {
    const [model, language] = JSON.parse(key) as [string, string];
    const byTarget = groupRows(byModel.get(key)!, (row) => row.country!);
    const targets = [...byTarget.keys()].sort();
    for (const target of targets) {
      const targetRows = byTarget.get(target)!;
      const rate = rateOf(
        targetRows.map((row) => row.label),
        'speechmap',
      );
      rates.push({
        model,
        language,
        target,
        total: rate.total,
        complete: rate.COMPLETE,
        rate: rate.rate,
        ci_low: rate.low,
        ci_high: rate.high,
      });
    }
    const modelRows: Omit<SwapAsymmetryRow, 'holm_p'>[] = [];
    for (let left = 0; left < targets.length; left += 1) {
      for (let right = left + 1; right < targets.length; right += 1) {
        const [targetA, targetB] = [targets[left]!, targets[right]!];
        if (options.baseline && targetA !== options.baseline && targetB !== options.baseline) continue;
        // With a baseline, it is always side a: "CN vs US", "CN vs EU".
        const [first, second] = options.baseline === targetB ? [targetB, targetA] : [targetA, targetB];
        const { pairs } = pairLabelRows(byTarget.get(first)!, byTarget.get(second)!, { key: templateKey });
        if (pairs.length === 0) continue;
        const comparison = pairedRateComparison(pairs);
        modelRows.push({
          model,
          language,
          target_a: first,
          target_b: second,
          n_pairs: comparison.pairs,
          rate_a: comparison.first.rate,
          rate_a_low: comparison.first.low,
          rate_a_high: comparison.first.high,
          rate_b: comparison.second.rate,
          rate_b_low: comparison.second.low,
          rate_b_high: comparison.second.high,
          difference: comparison.difference.difference,
          difference_low: comparison.difference.low,
          difference_high: comparison.difference.high,
          a_only: comparison.table.aOnly,
          b_only: comparison.table.bOnly,
          mcnemar_p: comparison.pValue,
        });
      }
    }
    const adjusted = holmAdjust(modelRows.map((row) => row.mcnemar_p));
    modelRows.forEach((row, index) => asymmetry.push({ ...row, holm_p: adjusted[index]! }));
  }
  return { kind: options.kind ?? 'entity-swap', rates, asymmetry };
}

/**
 * How a set's template ids relate its questions:
 * - `entity-swap`: one template id asked about several targets inside the set (Candor's built-in
 *   sets): the same text with only the entity changed.
 * - `same-format`: every question has a template id and the set has one target (SpeechMap's
 *   criticism sets, `criticism_NN`): questions of other sets share the format, not the topic.
 */
export type TemplateKind = 'entity-swap' | 'same-format';

/** Sets with template ids and target countries, by kind, each sorted by name. */
export async function setsByTemplateKind(store: CandorStore): Promise<Record<TemplateKind, string[]>> {
  const kinds: Record<TemplateKind, string[]> = { 'entity-swap': [], 'same-format': [] };
  for (const summary of await store.listQuestionSets()) {
    const questions = (await store.getQuestions(summary.name)).filter(
      (question) => question.templateId !== null && question.targetCountry !== null,
    );
    if (questions.length === 0) continue;
    const targets = new Map<string, Set<string>>();
    for (const question of questions) {
      const entry = targets.get(question.templateId!) ?? new Set<string>();
      entry.add(question.targetCountry!);
      targets.set(question.templateId!, entry);
    }
    const swaps = [...targets.values()].some((entry) => entry.size > 1);
    kinds[swaps ? 'entity-swap' : 'same-format'].push(summary.name);
  }
  kinds['entity-swap'].sort();
  kinds['same-format'].sort();
  return kinds;
}

/** Sets whose templates are asked about several targets with only the entity changed (the entity-swap sets). */
export async function templatedSets(store: CandorStore): Promise<string[]> {
  return (await setsByTemplateKind(store))['entity-swap'];
}
