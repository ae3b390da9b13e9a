/** Every fault the mock server can inject, named as the CLI spells them. */
export const MOCK_FAULTS = [
  'rate_limit',
  'server_error_500',
  'server_error_502',
  'server_error_503',
  'timeout',
  'reset',
  'malformed_json',
  'error_in_200',
  'content_filter',
  'content_filter_400',
  'empty_stop',
  'length',
  'unknown_shape',
] as const;
export type MockFault = (typeof MOCK_FAULTS)[number];

export function isMockFault(value: string): value is MockFault {
  return (MOCK_FAULTS as readonly string[]).includes(value);
}

/**
 * When to inject a fault. Every condition given must hold (AND); a rule with no condition
 * matches every request. The first rule that matches (and still has uses left) wins.
 */
export interface MockFaultRule {
  fault: MockFault;
  /** Substring of the prompt (all message texts joined by newlines). */
  match?: string;
  /** 0-based index of the chat-completion request since start (or the last reset). */
  requestIndex?: number | readonly number[];
  /** Probability in [0, 1], drawn from the seeded generator per (model, prompt, attempt). */
  rate?: number;
  /** Fire at most this many times per question (model + prompt), so a retry can succeed. */
  times?: number;
  /** Shorthand for `times: 1`. */
  once?: boolean;
  /** For `rate_limit`: the delay announced in `retry-after-ms` (and rounded up in `retry-after`). Default 1000. */
  retryAfterMs?: number;
  /** For `content_filter` and `length`: the partial content sent. Defaults: '' and the first half of the answer. */
  content?: string;
}
