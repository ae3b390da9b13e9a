import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExplorerFixtureStore } from '../../server/test-support/explorer-fixture-store.js';
import { findWebAssets } from '../../server/web-assets.js';
import { runCli } from '../main.js';
import { captureIo } from '../test-support/capture-io.js';

let location: string;
let folder: string;
beforeAll(async () => {
  const fixture = await createExplorerFixtureStore();
  ({ location, folder } = fixture);
  await fixture.store.close();
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('candor serve and candor site build', () => {
  it('serve listens on 127.0.0.1, answers the API, and stops on Ctrl-C', async () => {
    const controller = new AbortController();
    const io = captureIo({ signal: controller.signal });
    const exit = runCli(['serve', '--db', location, '--port', '0'], io);
    await expect.poll(() => io.out(), { timeout: 20_000 }).toMatch(/explorer: http:\/\/127\.0\.0\.1:\d+\//);
    const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(io.out())![0];
    const response = await fetch(`${url}api/leaderboard`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    controller.abort();
    expect(await exit).toBe(0);
  });

  it('serve refuses a store that does not exist instead of creating one', async () => {
    const io = captureIo();
    expect(await runCli(['serve', '--db', join(folder, 'missing.db'), '--port', '0'], io)).toBe(1);
    expect(io.err()).toContain('import data first');
    expect(existsSync(join(folder, 'missing.db'))).toBe(false);
  });

  it.skipIf(findWebAssets() === null)('site build writes a static site', async () => {
    const io = captureIo({ cwd: folder });
    expect(await runCli(['site', 'build', '--out', 'site', '--db', location, '--quiet'], io)).toBe(0);
    expect(io.out()).toMatch(/static site in .*site: \d+ files, 3 models, 36 questions/);
    expect(existsSync(join(folder, 'site', 'data', 'leaderboard.json'))).toBe(true);
  });
});
