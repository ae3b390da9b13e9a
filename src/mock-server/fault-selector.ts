import type { MockFaultRule } from './mock-fault.js';
import { keyedUnit } from './seeded-random.js';

/** What the selector knows about one chat-completion request. */
export interface FaultContext {
  requestIndex: number;
  prompt: string;
  /** Hash of model + prompt: identifies the question across retries. */
  questionKey: number;
}

export interface FaultSelector {
  /** The rule to apply to this request, if any. Counts the attempt either way. */
  select(context: FaultContext): MockFaultRule | undefined;
  reset(): void;
}

/**
 * Picks the first rule that matches a request. Rates draw from a generator keyed by
 * (seed, rule, question, attempt number for that question), so a seeded run is reproducible
 * even when concurrent requests arrive in a different order.
 */
export function createFaultSelector(rules: readonly MockFaultRule[], seed: number): FaultSelector {
  for (const [index, rule] of rules.entries()) validateRule(rule, index);
  const needsAttempts = rules.some((rule) => rule.rate !== undefined || rule.times !== undefined || rule.once);
  let attempts = new Map<number, number>();
  let uses = rules.map(() => new Map<number, number>());

  function select(context: FaultContext): MockFaultRule | undefined {
    if (rules.length === 0) return undefined;
    let attempt = 0;
    if (needsAttempts) {
      attempt = attempts.get(context.questionKey) ?? 0;
      attempts.set(context.questionKey, attempt + 1);
    }
    for (const [index, rule] of rules.entries()) {
      if (rule.match !== undefined && !context.prompt.includes(rule.match)) continue;
      if (rule.requestIndex !== undefined && !matchesIndex(rule.requestIndex, context.requestIndex)) continue;
      const limit = rule.once ? 1 : rule.times;
      const used = limit === undefined ? 0 : (uses[index]!.get(context.questionKey) ?? 0);
      if (limit !== undefined && used >= limit) continue;
      if (rule.rate !== undefined && keyedUnit(seed, index, context.questionKey, attempt) >= rule.rate) continue;
      if (limit !== undefined) uses[index]!.set(context.questionKey, used + 1);
      return rule;
    }
    return undefined;
  }

  return {
    select,
    reset() {
      attempts = new Map();
      uses = rules.map(() => new Map());
    },
  };
}

function matchesIndex(expected: number | readonly number[], actual: number): boolean {
  return typeof expected === 'number' ? expected === actual : expected.includes(actual);
}

function validateRule(rule: MockFaultRule, index: number): void {
  const where = `fault rule ${index} (${rule.fault})`;
  if (rule.rate !== undefined && !(rule.rate >= 0 && rule.rate <= 1)) {
    throw new RangeError(`${where}: rate must be between 0 and 1, got ${rule.rate}`);
  }
  if (rule.times !== undefined && !(Number.isInteger(rule.times) && rule.times >= 0)) {
    throw new RangeError(`${where}: times must be a whole number ≥ 0, got ${rule.times}`);
  }
}
