import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBasePath } from './base-path.js';
import { createExplorerApp } from './create-explorer-app.js';
import type { ExplorerData } from './explorer-data.js';

describe('parseBasePath', () => {
  it('adds the slashes and keeps "/" for the root', () => {
    expect(parseBasePath(undefined)).toBe('/');
    expect(parseBasePath('/')).toBe('/');
    expect(parseBasePath('candor')).toBe('/candor/');
    expect(parseBasePath('/a/b')).toBe('/a/b/');
  });
  it('refuses paths that are not plain URL paths, naming the option', () => {
    expect(() => parseBasePath('/a/../b/')).toThrow(/--base-path/);
    expect(() => parseBasePath('/a//b/')).toThrow(/segments/);
    expect(() => parseBasePath('/a b/')).toThrow(/URL path/);
    expect(() => parseBasePath('/"><script>/')).toThrow(/URL path/);
  });
});

describe('createExplorerApp under a base path', () => {
  it('serves the API and the shell under the prefix only, with assets pointing under it', async () => {
    const webRoot = mkdtempSync(join(tmpdir(), 'candor-base-web-'));
    try {
      mkdirSync(join(webRoot, 'assets'));
      writeFileSync(join(webRoot, 'assets', 'app.js'), 'export {}');
      writeFileSync(
        join(webRoot, 'index.html'),
        '<head><meta name="candor-mode" content="api" /><meta name="candor-base" content="/" /><title>Candor explorer</title><script type="module" src="./assets/app.js"></script></head><body><div id="app"></div></body>',
      );
      const data = { overview: async () => ({ findings: [] }) } as unknown as ExplorerData;
      const app = createExplorerApp({ data, webRoot, basePath: '/x/y/' });
      expect((await app.request('/x/y/api/overview')).status).toBe(200);
      expect((await app.request('/api/overview')).status).toBe(404);
      expect((await app.request('/x/y')).headers.get('location')).toBe('/x/y/');
      const shell = await (await app.request('/x/y/models/a/b')).text();
      expect(shell).toContain('<meta name="candor-base" content="/x/y/" />');
      expect(shell).toContain('src="/x/y/assets/app.js"');
      const asset = await app.request('/x/y/assets/app.js');
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-security-policy')).toContain("script-src 'self'");
    } finally {
      rmSync(webRoot, { recursive: true, force: true });
    }
  });
});
