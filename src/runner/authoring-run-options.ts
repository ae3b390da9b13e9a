import type { ProviderModel, RetryOptions } from '../providers/index.js';
import type { CandorStore } from '../store/index.js';
import type { EngineEvent } from './engine-events.js';
import type { RateLimiter } from './rate-limiter.js';

/** What translating and generating question sets share: the model, pacing, retries and batching. */
export interface AuthoringRunOptions {
  store: CandorStore;
  model: ProviderModel;
  /** The model as the user named it (`provider:model`), recorded on every question. */
  modelSpec: string;
  concurrency?: number;
  limiter?: RateLimiter;
  /** Answers asked for per item, rejected ones included. Default 3. */
  maxAttempts?: number;
  retry?: Omit<RetryOptions, 'signal'>;
  /** Items per store write. */
  batchSize?: number;
  maxTokens?: number;
  temperature?: number | null;
  /** Merged into every request body last, as for a run (`--extra-body`, config `models.<spec>.extraBody`). */
  extraBody?: Record<string, unknown> | null;
  signal?: AbortSignal;
  onEvent?: (event: EngineEvent) => void;
}
