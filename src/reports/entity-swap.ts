import { holmAdjust } from '../stats/holm-adjust.js';
import type { LabelRow, CandorStore } from '../store/index.js';
import { rateOf, type Rate } from './lens.js';
import { groupRows } from './rates.js';
import { pairLabelRows, pairedRateComparison, type PairedRateComparison } from './pair-label-rows.js';

/**
 * One model's rate on one target country, over the templated questions about it. The rows are those
 * a lens kept, so every row counts (the speechmap rule). JSON and CSV keys are made in entity-swap-output.ts.
 */
export type SwapRateRow = { model: string; language: string; target: string } & Rate;

/** Asymmetry between two targets of the same templates: paired on template + sample, side a first. */
export interface SwapAsymmetryRow {
  model: string;
  language: string;
  targetA: string;
  targetB: string;
  /** Over the templates (× samples) asked about both targets: both rates, a − b with Newcombe's paired interval, McNemar. */
  comparison: PairedRateComparison;
  /** McNemar p Holm-adjusted over the target pairs of this model and language. */
  holmPValue: number;
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
      rates.push({
        model,
        language,
        target,
        ...rateOf(
          targetRows.map((row) => row.label),
          'speechmap',
        ),
      });
    }
    const modelRows: Omit<SwapAsymmetryRow, 'holmPValue'>[] = [];
    for (let left = 0; left < targets.length; left += 1) {
      for (let right = left + 1; right < targets.length; right += 1) {
        const [targetA, targetB] = [targets[left]!, targets[right]!];
        if (options.baseline && targetA !== options.baseline && targetB !== options.baseline) continue;
        // With a baseline, it is always side a: "CN vs US", "CN vs EU".
        const [first, second] = options.baseline === targetB ? [targetB, targetA] : [targetA, targetB];
        const { pairs } = pairLabelRows(byTarget.get(first)!, byTarget.get(second)!, { key: templateKey });
        if (pairs.length === 0) continue;
        modelRows.push({ model, language, targetA: first, targetB: second, comparison: pairedRateComparison(pairs) });
      }
    }
    const adjusted = holmAdjust(modelRows.map((row) => row.comparison.pValue));
    modelRows.forEach((row, index) => asymmetry.push({ ...row, holmPValue: adjusted[index]! }));
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
