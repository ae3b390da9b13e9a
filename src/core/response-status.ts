/**
 * Terminal status of one collected outcome (see docs/BRIEF.md).
 * `truncation` wins over `moderation`; `unknown_shape` is quarantined, never counted as success.
 */
export const RESPONSE_STATUSES = [
  'success',
  'moderation',
  'truncation',
  'provider_error',
  'empty',
  'missing_content',
  'unknown_shape',
] as const;
export type ResponseStatus = (typeof RESPONSE_STATUSES)[number];

export function isResponseStatus(value: string): value is ResponseStatus {
  return (RESPONSE_STATUSES as readonly string[]).includes(value);
}
