/** Normalized finish reason; the raw vendor value is always kept beside it. */
export const UNIFIED_FINISH_REASONS = [
  'stop',
  'length',
  'content-filter',
  'tool-calls',
  'error',
  'other',
  'unknown',
] as const;
export type UnifiedFinishReason = (typeof UNIFIED_FINISH_REASONS)[number];

export interface FinishReason {
  unified: UnifiedFinishReason;
  raw: string | null;
}
