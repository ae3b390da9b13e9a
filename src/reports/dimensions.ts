import type { LabelRow, ReportDimension } from '../store/index.js';

/**
 * The one table of dimensions: everything a rate can be grouped or filtered by, and the label-row
 * field behind it. It is keyed by the store's REPORT_DIMENSIONS (what the SQL counter groups by), so
 * a new dimension there does not compile until it is here; `candor report --by`, compare `--by`,
 * judge-rates `--by` and the explorer's in-memory label facts all read it. Names are the same in
 * every layer (`template`, never `templateId`, outside a LabelRow).
 */
export const DIMENSION_FIELDS = {
  model: 'model',
  creator: 'creator',
  set: 'set',
  domain: 'domain',
  theme: 'theme',
  variation: 'variation',
  language: 'language',
  country: 'country',
  template: 'templateId',
  route: 'route',
  provider: 'provider',
  run: 'runId',
  judge: 'judgeId',
} as const satisfies Record<ReportDimension, keyof LabelRow>;

/** The value of a dimension on a label row. */
export function dimensionValue(row: LabelRow, dimension: ReportDimension): string | null {
  return row[DIMENSION_FIELDS[dimension]];
}

function pick<const Names extends readonly ReportDimension[]>(
  names: Names,
): { [Name in Names[number]]: (typeof DIMENSION_FIELDS)[Name] } {
  return Object.fromEntries(names.map((name) => [name, DIMENSION_FIELDS[name]])) as {
    [Name in Names[number]]: (typeof DIMENSION_FIELDS)[Name];
  };
}

/** What a paired comparison can be broken down by (question fields: both sides share them). */
export const COMPARE_GROUP_FIELDS = pick(['set', 'domain', 'theme', 'variation', 'country', 'language', 'template']);

export type CompareGroupBy = keyof typeof COMPARE_GROUP_FIELDS;

export function isCompareGroupBy(value: string): value is CompareGroupBy {
  return Object.hasOwn(COMPARE_GROUP_FIELDS, value);
}

/** What judge-aware rates can be grouped by. */
export const JUDGE_RATE_GROUP_FIELDS = pick(['model', 'creator', 'set', 'domain', 'country', 'language', 'route']);

export type JudgeRateGroupBy = keyof typeof JUDGE_RATE_GROUP_FIELDS;
