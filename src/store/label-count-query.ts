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
  /** Count test runs too (mock server, loopback endpoints, replay: see core/test-run.ts); default: left out. */
  includeTest?: boolean;
  filters?: Partial<Record<ReportDimension, string | readonly string[]>>;
}

/** One group: its keys plus the count of each label over current, judged responses. */
export interface LabelCountRow {
  keys: Partial<Record<ReportDimension, string | null>>;
  labels: Record<string, number>;
  total: number;
}

/** Which labelled rows to list: same filters as a count, without grouping. */
export type LabelRowQuery = Omit<LabelCountQuery, 'groupBy'> & { limit?: number };

/** One current, judged response with everything statistics pair or group on. */
export interface LabelRow {
  responseId: number;
  runId: string;
  model: string;
  creator: string | null;
  releaseDate: string | null;
  set: string;
  questionId: string;
  sample: number;
  domain: string | null;
  theme: string | null;
  variation: string | null;
  language: string;
  country: string | null;
  templateId: string | null;
  /** The source question when this one is a translation. */
  translationOfSet: string | null;
  translationOfId: string | null;
  route: string | null;
  provider: string;
  status: string;
  receivedAt: string | null;
  label: string;
  judgeId: string;
  judgeVersion: string;
}
