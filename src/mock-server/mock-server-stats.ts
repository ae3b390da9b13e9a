import { MOCK_FAULTS, type MockFault } from './mock-fault.js';

/** A snapshot of what the mock server has seen since start (or the last reset). */
export interface MockServerStats {
  /** Every HTTP request, any path. */
  totalRequests: number;
  /** POST …/chat/completions requests with a readable body. */
  completionRequests: number;
  /** Normal answers (200 chat.completion, finish "stop" or a natural "length"). */
  successes: number;
  /** Injected faults by name; every fault is present, zero when it never fired. */
  faults: Record<MockFault, number>;
  /** 429s from the `rateLimit` window (not injected `rate_limit` faults). */
  rateLimited: number;
  /** 400s for unreadable bodies. */
  badRequests: number;
  notFound: number;
  byPath: Record<string, number>;
  inFlight: number;
  maxInFlight: number;
  /** Arrival of each chat-completion request, ms on a monotonic clock since the server started. */
  arrivalTimesMs: number[];
  /** True when more arrivals came than the cap and the newest were not recorded. */
  arrivalTimesTruncated: boolean;
  /** Parsed bodies of the most recent chat-completion requests, oldest first. */
  recentBodies: unknown[];
}

const MAX_DISTINCT_PATHS = 1000;

/** Mutable counters behind `stats()`; kept cheap because it runs on every request. */
export class StatsRecorder {
  totalRequests = 0;
  completionRequests = 0;
  successes = 0;
  faults = emptyFaultCounts();
  rateLimited = 0;
  badRequests = 0;
  notFound = 0;
  inFlight = 0;
  maxInFlight = 0;
  private byPath = new Map<string, number>();
  private arrivals: number[] = [];
  private arrivalsTruncated = false;
  private bodies: unknown[] = [];
  private nextBody = 0;

  constructor(
    private readonly maxArrivals: number,
    private readonly maxBodies: number,
  ) {}

  requestStarted(path: string): void {
    this.totalRequests++;
    this.inFlight++;
    if (this.inFlight > this.maxInFlight) this.maxInFlight = this.inFlight;
    const key = this.byPath.has(path) || this.byPath.size < MAX_DISTINCT_PATHS ? path : '(other)';
    this.byPath.set(key, (this.byPath.get(key) ?? 0) + 1);
  }

  requestEnded(): void {
    this.inFlight--;
  }

  completionArrived(atMs: number, body: unknown): void {
    this.completionRequests++;
    if (this.arrivals.length < this.maxArrivals) this.arrivals.push(atMs);
    else this.arrivalsTruncated = true;
    if (this.maxBodies > 0) {
      this.bodies[this.nextBody] = body;
      this.nextBody = (this.nextBody + 1) % this.maxBodies;
    }
  }

  snapshot(): MockServerStats {
    const ordered =
      this.bodies.length < this.maxBodies
        ? [...this.bodies]
        : [...this.bodies.slice(this.nextBody), ...this.bodies.slice(0, this.nextBody)];
    return {
      totalRequests: this.totalRequests,
      completionRequests: this.completionRequests,
      successes: this.successes,
      faults: { ...this.faults },
      rateLimited: this.rateLimited,
      badRequests: this.badRequests,
      notFound: this.notFound,
      byPath: Object.fromEntries(this.byPath),
      inFlight: this.inFlight,
      maxInFlight: this.maxInFlight,
      arrivalTimesMs: [...this.arrivals],
      arrivalTimesTruncated: this.arrivalsTruncated,
      recentBodies: ordered,
    };
  }

  /** Clears everything but the requests still in flight, which will still end. */
  reset(): void {
    this.totalRequests = 0;
    this.completionRequests = 0;
    this.successes = 0;
    this.faults = emptyFaultCounts();
    this.rateLimited = 0;
    this.badRequests = 0;
    this.notFound = 0;
    this.maxInFlight = this.inFlight;
    this.byPath = new Map();
    this.arrivals = [];
    this.arrivalsTruncated = false;
    this.bodies = [];
    this.nextBody = 0;
  }
}

function emptyFaultCounts(): Record<MockFault, number> {
  return Object.fromEntries(MOCK_FAULTS.map((fault) => [fault, 0])) as Record<MockFault, number>;
}
