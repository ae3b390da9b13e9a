import { NotFoundError, type Question, type Run } from '../core/index.js';
import type { ProviderModel } from '../providers/index.js';
import type { CandorStore } from '../store/index.js';
import type { CollectionSettings } from './collection-settings.js';
import { createSharedRateLimiter, rateLimitKey, type RateLimiter } from './rate-limiter.js';
import { findPrice, DEFAULT_PRICES, type TokenPrice } from './price-table.js';

/** What a worker needs to ask one run's questions. */
export interface WorkerRunContext {
  run: Run;
  settings: CollectionSettings;
  model: ProviderModel;
  questions: Map<string, Question>;
  limiter: RateLimiter | undefined;
  price: TokenPrice | null;
}

export type CreateWorkerModel = (run: Run, settings: CollectionSettings) => ProviderModel | Promise<ProviderModel>;

/**
 * Loads (once per run) the run's settings, model, questions and the shared rate limiter for its
 * provider key; runs on the same key share one limiter.
 */
export function createRunContextCache(
  store: CandorStore,
  createModel: CreateWorkerModel,
): (runId: string) => Promise<WorkerRunContext> {
  const contexts = new Map<string, Promise<WorkerRunContext>>();
  const limiters = new Map<string, Promise<RateLimiter | undefined>>();

  const limiterFor = (key: string) => {
    let limiter = limiters.get(key);
    if (!limiter) {
      limiter = store.getRateLimit(key).then((limit) => (limit ? createSharedRateLimiter(store, key) : undefined));
      limiters.set(key, limiter);
    }
    return limiter;
  };

  const load = async (runId: string): Promise<WorkerRunContext> => {
    const run = await store.getRun(runId);
    if (!run) throw new NotFoundError(`run "${runId}"`, 'it was enqueued but is not in the store');
    const settings = run.settings as unknown as CollectionSettings;
    const model = await createModel(run, settings);
    const questions = new Map((await store.getQuestions(run.setName)).map((question) => [question.id, question]));
    const limiter = await limiterFor(rateLimitKey(model.provider, settings.baseURL));
    return { run, settings, model, questions, limiter, price: findPrice(run.modelId, DEFAULT_PRICES) };
  };

  return (runId) => {
    let context = contexts.get(runId);
    if (!context) {
      context = load(runId);
      contexts.set(runId, context);
      context.catch(() => contexts.delete(runId));
    }
    return context;
  };
}
