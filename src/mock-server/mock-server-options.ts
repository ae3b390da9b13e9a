import type { MockFaultRule } from './mock-fault.js';

/** A scripted answer: the first entry whose `match` occurs in the prompt gives the content. */
export interface MockAnswer {
  match: string | RegExp;
  content: string;
  reasoning?: string;
}

export type MockLatency = number | { min: number; max: number };

export interface MockRateLimit {
  requestsPerMinute: number;
  tokensPerMinute?: number;
  /** Length of the rolling window; default 60 000 ms. The limits apply per window. */
  windowMs?: number;
}

export interface MockServerOptions {
  /** Default 0: an ephemeral port on 127.0.0.1. */
  port?: number;
  host?: string;
  /** Delay before every completion answer (and injected fault): fixed, or uniform in [min, max]. */
  latencyMs?: MockLatency;
  faults?: readonly MockFaultRule[];
  /** Seeds the latency draws and the fault rates. Default 1. */
  seed?: number;
  answers?: readonly MockAnswer[];
  /** Add `message.reasoning` to answers. */
  reasoning?: boolean;
  /** The upstream named in the `provider` field. Default "MockUpstream". */
  upstream?: string;
  /** Served by GET /v1/models. Default ["mock/model"]. */
  models?: readonly string[];
  rateLimit?: MockRateLimit;
  /** USD per million tokens, used for `usage.cost`. Default { prompt: 0.5, completion: 1.5 }. */
  pricePerMillionTokens?: { prompt: number; completion: number };
  /** How many recent request bodies `stats()` keeps. Default 100. */
  recordBodies?: number;
  /** Cap on recorded arrival times. Default 1 000 000. */
  maxArrivals?: number;
}
