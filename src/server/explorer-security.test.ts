import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './security-headers.js';
import { createExplorerTestApp, type ExplorerTestApp } from './test-support/explorer-test-app.js';

let explorer: ExplorerTestApp;
let webRoot: string;
beforeAll(async () => {
  webRoot = mkdtempSync(join(tmpdir(), 'candor-web-'));
  mkdirSync(join(webRoot, 'assets'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>shell</title>');
  writeFileSync(join(webRoot, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(webRoot, '..', 'candor-secret.txt'), 'secret');
  explorer = await createExplorerTestApp(webRoot);
});
afterAll(async () => {
  await explorer.close();
  rmSync(webRoot, { recursive: true, force: true });
});

describe('explorer security and page serving', () => {
  it.each([
    '/',
    '/models/lab-a/open-model',
    '/questions/china_criticism/china_criticism_01',
    '/compare?a=x&b=y',
    '/map',
    '/search?q=x',
    '/api/leaderboard',
    '/api/nope',
    '/assets/app.js',
  ])('%s carries the strict CSP and hardening headers', async (path) => {
    const response = await explorer.app.request(path);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });

  it('the policy allows no inline script, no eval, no foreign origin', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });

  it('every page URL gets the app shell, so reloads and shared links work', async () => {
    for (const path of ['/models/lab-a/open-model', '/questions/china_criticism/china_criticism_01', '/map']) {
      const response = await explorer.app.request(path);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>shell</title>');
    }
  });

  it('serves assets but never a file outside the front-end folder', async () => {
    expect(await (await explorer.app.request('/assets/app.js')).text()).toBe('console.log(1)');
    expect((await explorer.app.request('/assets/..%2F..%2Fcandor-secret.txt')).status).toBe(404);
    expect((await explorer.app.request('/%2e%2e/candor-secret.txt')).status).toBe(404);
  });

  it('refuses requests for another host name (DNS rebinding)', async () => {
    expect((await explorer.app.request('http://evil.example/api/leaderboard')).status).toBe(421);
    expect((await explorer.app.request('http://127.0.0.1/api/leaderboard')).status).toBe(200);
  });

  it('the API only reads (writes are not routes) and a malformed id is a 400', async () => {
    expect((await explorer.app.request('/api/leaderboard', { method: 'POST' })).status).toBe(404);
    expect((await explorer.app.request('/api/models/%E0%A4%A')).status).toBe(400);
  });
});
