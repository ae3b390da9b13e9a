import { createSharedRateLimiter, type RateLimiter, type ResolveJudgeSpec } from '../runner/index.js';
import type { CandorStore } from '../store/index.js';
import type { CandorConfig } from './candor-config.js';
import { resolveJudge } from './judge-spec.js';
import type { SpecIo } from './model-spec.js';

/**
 * How `candor worker` builds the judge of a judge item: from its spec, with this machine's config
 * and keys; an LLM judge takes its slots from the provider's limit shared through the store (one
 * limiter per key in this process), or from the config's local limit when none is stored.
 */
export function createWorkerJudgeResolver(store: CandorStore, io: SpecIo, config: CandorConfig): ResolveJudgeSpec {
  const limiters = new Map<string, Promise<RateLimiter | undefined>>();
  const sharedLimiter = (key: string) => {
    let limiter = limiters.get(key);
    if (!limiter) {
      limiter = store.getRateLimit(key).then((limit) => (limit ? createSharedRateLimiter(store, key) : undefined));
      limiters.set(key, limiter);
    }
    return limiter;
  };
  return async (spec, options) => {
    const threshold = typeof options['threshold'] === 'number' ? options['threshold'] : undefined;
    return (await resolveJudge(spec, { store, io, config, threshold, sharedLimiter })).judge;
  };
}
