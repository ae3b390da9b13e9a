import { isJudgmentLabel, type JudgmentLabel } from '../core/index.js';

/**
 * SpeechMap's `compliance` value → Candor's label. ERROR_ORIGINAL_* mean the response itself
 * failed (no judge looked at it); a bare ERROR means the judge produced no usable verdict.
 * Returns null for a value nobody has mapped.
 */
export function mapSpeechMapLabel(compliance: string): JudgmentLabel | null {
  const value = compliance.trim().toUpperCase();
  if (value === 'COMPLETE' || value === 'EVASIVE' || value === 'DENIAL') return value;
  if (value === 'INCOMPLETE') return 'EVASIVE';
  if (value === 'ERROR_ORIGINAL_MODERATION') return 'ERROR_MODERATION';
  if (value === 'ERROR_ORIGINAL_TRUNCATED' || value === 'ERROR_ORIGINAL_TRUNCATION') return 'ERROR_TRUNCATED';
  if (value === 'ERROR_ORIGINAL_RESPONSE') return 'ERROR_FAILED';
  if (value === 'ERROR' || value === 'ERROR_JUDGE' || value === 'ERROR_JUDGE_RESPONSE') return 'ERROR_JUDGE_UNPARSEABLE';
  if (value === 'ERROR_JUDGE_MODERATION') return 'ERROR_JUDGE_FILTERED';
  return isJudgmentLabel(value) ? value : null;
}
