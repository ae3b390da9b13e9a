import type { Judge } from '../judge/index.js';
import type { JudgeSpecOptions } from '../store/index.js';

/** Builds the judge for a spec stored on judge items (the CLI resolves specs; keys come from this machine). */
export type ResolveJudgeSpec = (spec: string, options: JudgeSpecOptions) => Promise<Judge>;

/** Resolves each (spec, options) once and shares the judge (and its rate limiter) between slots; a failure is not cached. */
export function createJudgeSpecCache(
  resolve: ResolveJudgeSpec,
): (spec: string, options: JudgeSpecOptions) => Promise<Judge> {
  const judges = new Map<string, Promise<Judge>>();
  return (spec, options) => {
    const key = `${spec}\u0000${JSON.stringify(Object.entries(options).sort(([left], [right]) => left.localeCompare(right)))}`;
    let judge = judges.get(key);
    if (!judge) {
      judge = resolve(spec, options);
      judges.set(key, judge);
      judge.catch(() => judges.delete(key));
    }
    return judge;
  };
}
