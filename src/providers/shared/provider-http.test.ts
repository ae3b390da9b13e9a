import { afterEach, describe, expect, it } from 'vitest';
import { parseRetryAfter, postJson } from './provider-http.js';

const warnings: Error[] = [];
const onWarning = (warning: Error) => warnings.push(warning);
afterEach(() => void process.off('warning', onWarning));

describe('postJson', () => {
  it('32 requests in flight on one signal print no MaxListenersExceededWarning', async () => {
    process.on('warning', onWarning);
    const controller = new AbortController();
    let release!: () => void;
    const gate = new Promise<void>((resolveGate) => (release = resolveGate));
    const fetchStub = (async () => {
      await gate;
      return new Response('{}', { status: 200 });
    }) as typeof fetch;
    const requests = Array.from({ length: 32 }, () =>
      postJson({
        fetch: fetchStub,
        url: 'http://127.0.0.1:9/x',
        headers: {},
        body: {},
        timeoutMs: null,
        signal: controller.signal,
      }),
    );
    await new Promise((resolveWait) => setTimeout(resolveWait, 10));
    release();
    expect((await Promise.all(requests)).every((result) => result.kind === 'response')).toBe(true);
    await new Promise((resolveWait) => setImmediate(resolveWait));
    expect(warnings.filter((warning) => warning.name === 'MaxListenersExceededWarning')).toEqual([]);
  });
});

const now = Date.parse('2025-05-01T12:00:00Z');

describe('parseRetryAfter', () => {
  it('prefers retry-after-ms', () =>
    expect(parseRetryAfter({ 'retry-after-ms': '1500.4', 'retry-after': '9' }, now)).toBe(1500));
  it('reads seconds', () => expect(parseRetryAfter({ 'retry-after': '7' }, now)).toBe(7000));
  it('reads an HTTP date', () =>
    expect(parseRetryAfter({ 'retry-after': 'Thu, 01 May 2025 12:00:30 GMT' }, now)).toBe(30_000));
  it('a past date means no wait', () =>
    expect(parseRetryAfter({ 'retry-after': 'Thu, 01 May 2025 11:00:00 GMT' }, now)).toBe(0));
  it('absent or garbage is null', () => {
    expect(parseRetryAfter({}, now)).toBeNull();
    expect(parseRetryAfter({ 'retry-after': 'soon' }, now)).toBeNull();
  });
});
