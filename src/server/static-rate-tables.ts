import { rateReport, type RateRow } from '../reports/index.js';
import type { CandorStore, ReportDimension } from '../store/index.js';
import type { BreakdownRow, JudgeShare, ThemeRateRow } from './api-types.js';
import { themeRows, toRateCells } from './rate-cells.js';

/** Rates grouped by a dimension, split per model: one store query for every model page of a static site. */
export async function breakdownByModel(store: CandorStore, dimension: ReportDimension): Promise<Map<string, BreakdownRow[]>> {
  const rows = await rateReport(store, { groupBy: ['model', dimension] });
  const byModel = new Map<string, BreakdownRow[]>();
  for (const row of rows) {
    const model = row.model ?? '(unknown)';
    const list = byModel.get(model) ?? [];
    list.push({ key: row[dimension] ?? null, ...toRateCells(row) });
    byModel.set(model, list);
  }
  return byModel;
}

/** Theme rates per model in one store query. */
export async function themesByModel(store: CandorStore): Promise<Map<string, ThemeRateRow[]>> {
  const rows = await rateReport(store, { groupBy: ['model', 'set', 'theme'] });
  const grouped = new Map<string, RateRow[]>();
  for (const row of rows) {
    const model = row.model ?? '(unknown)';
    const list = grouped.get(model) ?? [];
    list.push(row);
    grouped.set(model, list);
  }
  return new Map([...grouped].map(([model, list]) => [model, themeRows(list)]));
}

/** Judge shares per model in one query. */
export async function judgesByModel(store: CandorStore): Promise<Map<string, JudgeShare[]>> {
  const counts = await store.countLabels({ groupBy: ['model', 'judge'] });
  const byModel = new Map<string, JudgeShare[]>();
  for (const count of counts) {
    const model = count.keys.model ?? '(unknown)';
    const list = byModel.get(model) ?? [];
    list.push({ judge: count.keys.judge ?? '(unknown)', rows: count.total });
    byModel.set(model, list);
  }
  for (const list of byModel.values()) list.sort((left, right) => right.rows - left.rows);
  return byModel;
}
