/** Dimensions a report can group by; each is a real column. */
export const REPORT_DIMENSIONS = [
  'model',
  'creator',
  'set',
  'domain',
  'theme',
  'variation',
  'language',
  'country',
  'template',
  'route',
  'provider',
  'run',
  'judge',
] as const;
export type ReportDimension = (typeof REPORT_DIMENSIONS)[number];

export function isReportDimension(value: string): value is ReportDimension {
  return (REPORT_DIMENSIONS as readonly string[]).includes(value);
}

export interface LabelCountQuery {
  groupBy: readonly ReportDimension[];
  /** Judge id (optionally `id@version`) whose labels count; default: latest judgment per response. */
  judge?: string | null;
  /** Leave provider-blocked (moderation) rows out: the "model only" lens. */
  excludeBlocked?: boolean;
  filters?: Partial<Record<ReportDimension, string | readonly string[]>>;
}

/** One group: its keys plus the count of each label over current, judged responses. */
export interface LabelCountRow {
  keys: Partial<Record<ReportDimension, string | null>>;
  labels: Record<string, number>;
  total: number;
}
