import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { startExplorer } from './start-explorer.js';
import { createExplorerFixtureStore } from './test-support/explorer-fixture-store.js';

function statusFor(url: string, host: string): Promise<number> {
  const { port } = new URL(url);
  return new Promise((resolveStatus, reject) => {
    const sent = request({ host: '127.0.0.1', port, path: '/api/overview', headers: { host } }, (response) => {
      response.resume();
      resolveStatus(response.statusCode ?? 0);
    });
    sent.on('error', reject);
    sent.end();
  });
}

describe('serve on a network interface', () => {
  it('keeps the Host check on: other names are refused unless allowed', { timeout: 30_000 }, async () => {
    const { store, location } = await createExplorerFixtureStore();
    await store.close();
    const open = await startExplorer({ location, port: 0, host: '0.0.0.0', webRoot: null });
    try {
      expect(await statusFor(open.url, `127.0.0.1:${new URL(open.url).port}`)).toBe(200);
      expect(await statusFor(open.url, 'attacker.example')).toBe(421);
    } finally {
      await open.close();
    }
    const named = await startExplorer({
      location,
      port: 0,
      host: '0.0.0.0',
      webRoot: null,
      allowedHosts: ['stats.lab.example'],
    });
    try {
      expect(await statusFor(named.url, 'stats.lab.example')).toBe(200);
      expect(await statusFor(named.url, 'attacker.example')).toBe(421);
    } finally {
      await named.close();
    }
  });
});
