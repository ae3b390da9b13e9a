/**
 * Screenshots of every explorer page at desktop (1280 px) and phone (390 px) widths, over the test
 * fixture store, into docs/screenshots/ (the first screenful of each page, PNG).
 * Run: npx tsx scripts/explorer-screenshots.ts [--out docs/screenshots]
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { startExplorer } from '../src/server/start-explorer.js';
import { createExplorerFixtureStore } from '../src/server/test-support/explorer-fixture-store.js';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const out = values.out ?? join(import.meta.dirname, '..', 'docs', 'screenshots');
mkdirSync(out, { recursive: true });

const PAGES: [string, string][] = [
  ['home', ''],
  ['model', 'models/lab-b/careful-model'],
  ['answers', 'answers?model=lab-b%2Fcareful-model&set=zh_china_criticism&label=DENIAL'],
  ['question', 'questions/zh_china_criticism/china_criticism_02'],
  ['compare', 'compare?a=lab-a%2Fopen-model&b=lab-b%2Fcareful-model'],
  ['map', 'map?country=CN'],
  ['timeline', 'timeline'],
  ['languages', 'languages'],
  ['labs', 'labs'],
  ['lab', 'labs/lab-b'],
  ['themes', 'themes'],
  ['theme', 'themes/china_criticism/theme_2'],
  ['domains', 'domains'],
  ['domain', 'domains/Government%20criticism'],
  ['routes', 'routes'],
  ['judges', 'judges'],
  ['search', `search?q=${encodeURIComponent('台湾')}`],
  ['resources', 'resources'],
];

const fixture = await createExplorerFixtureStore();
await fixture.store.close();
const explorer = await startExplorer({ location: fixture.location, port: 0 });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  for (const [width, height, suffix] of [
    [1280, 900, 'desktop'],
    [390, 844, 'phone'],
  ] as const) {
    const page = await browser.newPage({ viewport: { width, height } });
    for (const [name, path] of PAGES) {
      await page.goto(`${explorer.url}${path}`);
      await page.locator('header nav a.brand').waitFor();
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(out, `${name}-${suffix}.png`) });
    }
    await page.close();
  }
} finally {
  await browser.close();
  await explorer.close();
  rmSync(fixture.folder, { recursive: true, force: true });
}
console.log(`${PAGES.length * 2} screenshots in ${out}`);
