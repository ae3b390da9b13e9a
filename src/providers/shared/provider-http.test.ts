import { afterEach, describe, expect, it } from 'vitest';
import { postJson } from './post-json.js';

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
    const requests = Array.from({ length: 32 }, () => postJson({ fetch: fetchStub, url: 'http://127.0.0.1:9/x', headers: {}, body: {}, timeoutMs: null, signal: controller.signal }));
    await new Promise((resolveWait) => setTimeout(resolveWait, 10));
    release();
    expect((await Promise.all(requests)).every((result) => result.kind === 'response')).toBe(true);
    await new Promise((resolveWait) => setImmediate(resolveWait));
    expect(warnings.filter((warning) => warning.name === 'MaxListenersExceededWarning')).toEqual([]);
  });
});
