import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStaticSite } from '../src/server/build-static-site.js';
import { startExplorer, type RunningExplorer } from '../src/server/start-explorer.js';
import { createExplorerFixtureStore } from '../src/server/test-support/explorer-fixture-store.js';
import { findWebAssets } from '../src/server/web-assets.js';
import { chromiumMissingReason, launchChromium, screenshotPath } from './support/explorer-browser.js';
import { serveFolder } from './support/static-site-server.js';

const webRoot = findWebAssets();
const skipReason =
  chromiumMissingReason() ?? (webRoot === null ? 'dist/web is missing (npm run build); skipping browser tests' : null);
if (skipReason) console.warn(`explorer e2e: ${skipReason}`);

let browser: Browser;
let served: RunningExplorer;
let underPrefix: RunningExplorer;
let site: { url: string; close(): Promise<void> };
const SITE_PREFIX = '/site/';

/** Every page of the explorer (path under the base, without the leading slash) and a heading it shows once loaded. */
const PAGES: [string, string][] = [
  ['', 'Leaderboard'],
  ['models/lab-a/open-model', 'By question set'],
  ['questions/china_criticism/china_criticism_01', 'answers'],
  ['compare?a=lab-a%2Fopen-model&b=lab-b%2Fcareful-model', 'flipped questions'],
  ['map', 'Which governments'],
  ['timeline', 'By release date'],
  ['languages', 'china_criticism'],
  ['routes', 'Provider routes'],
  ['judges', 'Judges'],
  ['search?q=Taiwan', 'results'],
  ['themes/china_criticism/theme_1', 'phrasings'],
  ['answers?model=lab-b%2Fcareful-model&set=zh_china_criticism&label=DENIAL', 'DENIAL answers'],
  ['themes', '36 themes'],
  ['domains', '1 domains'],
  ['domains/Government%20criticism', 'By model'],
  ['labs', '3 labs'],
  ['labs/lab-b', 'Lab index'],
  ['resources', 'How the numbers are computed'],
];
const cleanup: (() => Promise<void> | void)[] = [];

/** A page that records script errors, CSP violations and dialogs: any of them fails the test. */
async function openPage(): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`http ${response.status()}: ${response.url()}`);
  });
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return { page, problems };
}

async function expectNoXss(page: Page, problems: string[]): Promise<void> {
  await page.locator('article[data-model="lab-a/open-model"] summary').click();
  const answer = page.locator('article[data-model="lab-a/open-model"] .answer.markdown');
  await answer.waitFor();
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  const text = await answer.innerText();
  expect(text).toContain('<script>window.__pwned = "script"</script>');
  expect(text).toContain('<img src=x onerror=');
  expect(text).toContain('<svg onload=');
  expect(await answer.locator('script, img, svg, iframe, [onerror], [onload]').count()).toBe(0);
  const hrefs = await answer
    .locator('a')
    .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''));
  expect(hrefs.filter((href) => /^\s*javascript:/i.test(href))).toEqual([]);
  expect(problems).toEqual([]);
}

describe.skipIf(skipReason !== null)('explorer in headless chromium', () => {
  beforeAll(async () => {
    const fixture = await createExplorerFixtureStore();
    cleanup.push(() => rmSync(fixture.folder, { recursive: true, force: true }));
    const out = mkdtempSync(join(tmpdir(), 'candor-site-'));
    cleanup.push(() => rmSync(out, { recursive: true, force: true }));
    // The static site is built for, and served under, a sub-path (like a GitHub Pages project site).
    await buildStaticSite({
      store: fixture.store,
      location: fixture.location,
      out,
      webRoot: webRoot!,
      basePath: SITE_PREFIX,
      downloads: true,
    });
    await fixture.store.close();
    served = await startExplorer({ location: fixture.location, port: 0, webRoot });
    underPrefix = await startExplorer({ location: fixture.location, port: 0, webRoot, basePath: '/explorer/' });
    site = await serveFolder(out, SITE_PREFIX);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
    await underPrefix?.close();
    await site?.close();
    for (const step of cleanup.reverse()) await step();
  });

  it('serve: leaderboard loads, filters, sorts, and links to a model page that survives reload', async () => {
    const { page, problems } = await openPage();
    await page.goto(served.url);
    await expect.poll(() => page.locator('tbody tr').count()).toBe(3);
    await page.screenshot({ path: screenshotPath('serve-leaderboard'), fullPage: true });
    await page.fill('input[name="filter"]', 'careful');
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    expect(page.url()).toContain('filter=careful');
    await page.fill('input[name="filter"]', '');
    await page.selectOption('select[name="set"]', 'us_criticism');
    await expect.poll(() => page.locator('caption').innerText()).toContain('on us_criticism');
    await page.click('button[data-column="n"]');
    await page.click('a[href="/models/lab-b/careful-model"]');
    await page.locator('h1', { hasText: 'lab-b/careful-model' }).waitFor();
    await page.reload();
    await page.locator('h2', { hasText: 'By target country' }).waitFor();
    await page.screenshot({ path: screenshotPath('serve-model'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it('serve: compare shows the paired test and the flipped questions', async () => {
    const { page, problems } = await openPage();
    await page.goto(`${served.url}compare?a=lab-a%2Fopen-model&b=lab-b%2Fcareful-model&set=china_criticism`);
    await expect.poll(() => page.getByTestId('compare-verdict').innerText()).toContain('McNemar p = 0.0391');
    await expect.poll(() => page.getByTestId('flipped').locator('tbody tr').count()).toBe(9);
    await page.screenshot({ path: screenshotPath('serve-compare'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it('serve: clicking a country on the map lists its questions', async () => {
    const { page, problems } = await openPage();
    await page.goto(`${served.url}map`);
    await page.locator('path[data-country="US"]').click();
    await page.getByTestId('country-panel').locator('h2', { hasText: 'Requests about US' }).waitFor();
    await expect.poll(() => page.getByTestId('country-panel').locator('tbody tr').count()).toBe(12);
    expect(page.url()).toContain('country=US');
    await page.screenshot({ path: screenshotPath('serve-map'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it('serve: search finds Chinese text and downloads its CSV', async () => {
    const { page, problems } = await openPage();
    await page.goto(`${served.url}search`);
    await page.fill('input[name="q"]', '台湾');
    await page.click('button[type="submit"]');
    await expect.poll(() => page.locator('.hits li').count()).toBe(12);
    await page.screenshot({ path: screenshotPath('serve-search'), fullPage: true });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
    const path = await download.path();
    expect(readFileSync(path, 'utf8')).toMatch(
      /^kind,set,questionId,model,label,snippet\r\nquestion,zh_china_criticism,/,
    );
    expect(problems).toEqual([]);
  });

  it('serve: a hostile answer is shown as text and runs nothing', async () => {
    const { page, problems } = await openPage();
    await page.goto(`${served.url}questions/china_criticism/china_criticism_01`);
    await expectNoXss(page, problems);
    await page.screenshot({ path: screenshotPath('serve-xss'), fullPage: true });
  });

  it('serve and static site: timeline and judges pages render their tables, also on reload', async () => {
    const { page, problems } = await openPage();
    for (const base of [served.url, site.url]) {
      await page.goto(`${base}timeline`);
      await expect.poll(() => page.locator('table').first().locator('tbody tr').count()).toBe(3);
      await page.goto(`${base}judges`);
      await expect.poll(() => page.locator('tbody tr').count()).toBeGreaterThan(0);
      await expect.poll(() => page.locator('tbody tr').first().innerText()).toContain('judge-x');
    }
    await page.screenshot({ path: screenshotPath('static-judges'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it('route names are isolated from bidi controls (RLO in an upstream name cannot reorder the row around it)', async () => {
    const { page, problems } = await openPage();
    for (const base of [served.url, site.url]) {
      await page.goto(`${base}routes`);
      const route = page.locator('tbody tr').first().locator('bdi').first();
      await route.waitFor();
      expect(await route.innerText()).toMatch(/Upstream|Azure/);
      expect(await route.evaluate((element) => getComputedStyle(element).unicodeBidi)).toBe('isolate');
      expect(
        await page
          .locator('tbody td')
          .first()
          .evaluate((element) => getComputedStyle(element).unicodeBidi),
      ).toBe('isolate');
    }
    await page.goto(`${served.url}questions/china_criticism/china_criticism_01`);
    await expect.poll(() => page.locator('article bdi').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it('static site: deep links load, compare runs in the browser, search and map work', async () => {
    const { page, problems } = await openPage();
    await page.goto(`${site.url}models/lab-a/open-model`);
    await page.locator('h2', { hasText: 'By question set' }).waitFor();
    await page.goto(site.url);
    await expect.poll(() => page.locator('tbody tr').count()).toBe(3);
    await page.screenshot({ path: screenshotPath('static-leaderboard'), fullPage: true });
    await page.goto(`${site.url}compare?a=lab-a%2Fopen-model&b=lab-b%2Fcareful-model&set=china_criticism`);
    await expect.poll(() => page.getByTestId('compare-verdict').innerText()).toContain('McNemar p = 0.0391');
    await page.goto(`${site.url}search?q=${encodeURIComponent('台湾')}`);
    await expect.poll(() => page.locator('.hits li').count()).toBe(12);
    await page.goto(`${site.url}map`);
    await page.locator('path[data-country="CN"]').first().click();
    await expect.poll(() => page.getByTestId('country-panel').locator('tbody tr').count()).toBe(24);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-csv').last().click(),
    ]);
    expect(readFileSync(await download.path(), 'utf8')).toMatch(/^set,id,text,language,total/);
    await page.screenshot({ path: screenshotPath('static-map'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it('static site: a hostile answer is shown as text and runs nothing', async () => {
    const { page, problems } = await openPage();
    await page.goto(`${site.url}questions/china_criticism/china_criticism_01`);
    await expectNoXss(page, problems);
    await page.screenshot({ path: screenshotPath('static-xss'), fullPage: true });
  });

  it('static site under a sub-path: every page renders, and deep links survive a reload', async () => {
    const { page, problems } = await openPage();
    for (const [path, heading] of PAGES) {
      await page.goto(`${site.url}${path}`);
      // The app's header (not in the prerendered HTML) shows it took over.
      await page.locator('header nav a.brand').waitFor();
      await page.locator('main').getByText(heading).first().waitFor();
      await page.reload();
      await page.locator('header nav a.brand').waitFor();
      await page.locator('main').getByText(heading).first().waitFor();
      expect(await page.locator('main .error').count(), path).toBe(0);
    }
    // In-app links keep the prefix.
    await page.goto(site.url);
    await page.locator(`a[href="${SITE_PREFIX}models/lab-b/careful-model"]`).first().click();
    await page.locator('h1', { hasText: 'lab-b/careful-model' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`${SITE_PREFIX}models/lab-b/careful-model`);
    await page.reload();
    await page.locator('h2', { hasText: 'By question set' }).waitFor();
    expect(problems).toEqual([]);
  });

  it('serve --base-path: API, assets and pages live under the prefix', async () => {
    const { page, problems } = await openPage();
    expect(underPrefix.url).toMatch(/\/explorer\/$/);
    await page.goto(underPrefix.url);
    await expect.poll(() => page.locator('tbody tr').count()).toBe(3);
    await page.locator('a[href="/explorer/models/lab-b/careful-model"]').first().click();
    await page.locator('h1', { hasText: 'lab-b/careful-model' }).waitFor();
    await page.reload();
    await page.locator('h2', { hasText: 'By question set' }).waitFor();
    await page.goto(`${underPrefix.url}search?q=${encodeURIComponent('台湾')}`);
    await expect.poll(() => page.locator('.hits li').count()).toBe(12);
    expect(problems).toEqual([]);
  });

  it('phone width: no page is wider than a 360 px screen; table rows become cards with rate, interval and bar', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    for (const base of [served.url, site.url]) {
      for (const [path, heading] of PAGES) {
        await page.goto(`${base}${path}`);
        await page.locator('header nav a.brand').waitFor();
        await page.locator('main').getByText(heading).first().waitFor();
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, `${base}${path} is ${width} px wide at 360`).toBeLessThanOrEqual(360);
      }
    }
    await page.goto(served.url);
    const card = page.locator('tbody tr').first();
    await card.waitFor();
    // A card, not a table row: the cells stack, and the rate with its interval and the verdict bar stay.
    expect(await card.evaluate((row) => getComputedStyle(row).display)).toBe('block');
    expect(await card.locator('td[data-label="Complete [95% CI]"]').innerText()).toMatch(/%\s*\[[0-9.]+–[0-9.]+\]/);
    expect(await card.locator('svg.rate-bar').isVisible()).toBe(true);
    // The sort menu replaces the headers, and its choice lands in the URL.
    await page.selectOption('.sort-menu select', 'rate');
    await expect.poll(() => page.url()).toContain('sort=rate');
    await expect
      .poll(() => page.locator('tbody tr').first().locator('td[data-label="Model"]').innerText())
      .toBe('lab-c/mixed-model');
    await page.screenshot({ path: screenshotPath('phone-leaderboard'), fullPage: true });
    expect(problems).toEqual([]);
  }, 120_000);

  it('drill-down: from a leaderboard rate to the model, its set, and the refused answers behind the number', async () => {
    const { page, problems } = await openPage();
    for (const base of [served.url, site.url]) {
      await page.goto(base);
      await page.locator('a[href$="/models/lab-b/careful-model"]').first().click();
      await page.locator('h2', { hasText: 'By question set' }).waitFor();
      await page.locator('td a', { hasText: 'zh_china_criticism' }).first().click();
      await page.locator('h1', { hasText: 'Answers' }).waitFor();
      expect(new URL(page.url()).search).toBe('?model=lab-b%2Fcareful-model&set=zh_china_criticism');
      await page.locator('nav[aria-label="Verdict"] a', { hasText: 'DENIAL' }).click();
      await page.locator('h2', { hasText: '4 DENIAL answers' }).waitFor();
      expect(await page.locator('article.answer-card').count()).toBe(4);
      expect(await page.locator('article.answer-card .label').allInnerTexts()).toEqual([
        'DENIAL',
        'DENIAL',
        'DENIAL',
        'DENIAL',
      ]);
      // The link is shareable: a reload shows the same list.
      await page.reload();
      await expect.poll(() => page.locator('article.answer-card').count()).toBe(4);
      // Each answer leads to its question.
      await page.locator('article.answer-card header a').first().click();
      await page.locator('h1', { hasText: 'zh_china_criticism / china_criticism_02' }).waitFor();
    }
    // Every leaderboard rate links to its answers.
    await page.goto(served.url);
    await page.locator('td[data-label="Complete [95% CI]"] a').first().click();
    await page.locator('h1', { hasText: 'Answers' }).waitFor();
    expect(new URL(page.url()).searchParams.get('model')).toBe('lab-a/open-model');
    expect(problems).toEqual([]);
  });

  it('accessibility: axe finds no serious or critical violation on any page, at desktop and phone widths', async () => {
    const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const failures: string[] = [];
    for (const [base, width] of [
      [served.url, 1280],
      [site.url, 1280],
      [served.url, 360],
    ] as const) {
      // axe is injected through the DevTools protocol; the page's own CSP stays as served.
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      for (const [path, heading] of PAGES) {
        await page.goto(`${base}${path}`);
        await page.locator('header nav a.brand').waitFor();
        await page.locator('main').getByText(heading).first().waitFor();
        await page.evaluate(axeSource);
        const violations = await page.evaluate(async () => {
          const axe = (
            window as unknown as {
              axe: {
                run(
                  context: Document,
                  options: object,
                ): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }>;
              };
            }
          ).axe;
          const result = await axe.run(document, { resultTypes: ['violations'] });
          return result.violations
            .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
            .map(
              (violation) =>
                `${violation.id} (${violation.impact}) at ${violation.nodes
                  .slice(0, 3)
                  .map((node) => JSON.stringify(node.target))
                  .join(', ')}`,
            );
        });
        for (const violation of violations) failures.push(`${base}${path} @${width}: ${violation}`);
      }
      await page.close();
    }
    expect(failures).toEqual([]);
  }, 240_000);

  it('accessibility: the first Enter on a sort header sorts, the sort is in the URL and announced; focus goes to the new page heading', async () => {
    const { page, problems } = await openPage();
    await page.goto(served.url);
    await expect.poll(() => page.locator('tbody tr').count()).toBe(3);
    // The server's order is shown on its header: rate, high to low.
    expect(await page.locator('th:has(button[data-column="rate"])').getAttribute('aria-sort')).toBe('descending');
    await page.locator('button[data-column="rate"]').focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('th:has(button[data-column="rate"])').getAttribute('aria-sort'))
      .toBe('ascending');
    expect(new URL(page.url()).searchParams.get('sort')).toBe('rate');
    expect(
      await page.locator('[aria-live="polite"]', { hasText: 'Sorted by Complete [95% CI], ascending' }).count(),
    ).toBe(1);
    expect(await page.locator('tbody tr').first().locator('td').nth(1).innerText()).toBe('lab-c/mixed-model');
    await page.reload();
    await expect
      .poll(() => page.locator('tbody tr').first().locator('td').nth(1).innerText())
      .toBe('lab-c/mixed-model');
    // After an in-app navigation the page's h1 has the focus.
    await page.locator('header nav a', { hasText: 'Timeline' }).click();
    await page.locator('h1', { hasText: 'Timeline' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    // …and its own title.
    await expect.poll(() => page.title()).toBe('Timeline · Candor');
    expect(problems).toEqual([]);
  });

  it('accessibility: browsing the compare selector with arrow keys loads nothing until Enter', async () => {
    const { page, problems } = await openPage();
    const requests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/compare')) requests.push(request.url());
    });
    await page.goto(`${served.url}compare?a=lab-a%2Fopen-model`);
    await expect.poll(() => page.locator('select[name="b"] option').count()).toBe(4);
    await page.locator('select[name="b"]').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(300);
    expect(requests).toEqual([]);
    expect(new URL(page.url()).searchParams.get('b')).toBeNull();
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('b')).not.toBeNull();
    await expect.poll(() => requests.length).toBe(1);
    await page.getByTestId('compare-verdict').waitFor();
    expect(problems).toEqual([]);
  });

  it('charts: timeline on a shared date axis with creator and metric in the URL, language dumbbells, compare flips', async () => {
    const { page, problems } = await openPage();
    for (const base of [served.url, site.url]) {
      await page.goto(`${base}timeline`);
      const chart = page.locator('.plot-chart svg[role="img"]').first();
      await chart.waitFor();
      // One panel per creator, one shared date axis labelled once.
      expect(await page.locator('.plot-chart').first().getByText('Release date').count()).toBeGreaterThan(0);
      expect(await chart.getAttribute('aria-label')).toContain('lab-a/open-model');
      await page.selectOption('select[name="creator"]', 'lab-b');
      await expect.poll(() => new URL(page.url()).searchParams.get('creator')).toBe('lab-b');
      await page.check('input[name="metric"][value="trend"]');
      await expect.poll(() => new URL(page.url()).searchParams.get('metric')).toBe('trend');
      await page.reload();
      await expect
        .poll(() => page.locator('.plot-chart svg[role="img"]').first().getAttribute('aria-label'))
        .not.toContain('lab-a/open-model');
      expect(await page.locator('input[name="metric"][value="trend"]').isChecked()).toBe(true);
      await page.screenshot({ path: screenshotPath('chart-timeline'), fullPage: true });

      await page.goto(`${base}languages`);
      const dumbbell = page.locator('.plot-chart svg[role="img"]').first();
      await dumbbell.waitFor();
      expect(await dumbbell.getAttribute('aria-label')).toMatch(/lab-b\/careful-model zh [0-9.]+%/);
      expect(await page.locator('.plot-chart').first().locator('circle').count()).toBe(6);

      await page.goto(`${base}compare?a=lab-a%2Fopen-model&b=lab-b%2Fcareful-model`);
      const flips = page.locator('.plot-chart svg[role="img"]').first();
      await flips.waitFor();
      expect(await flips.getAttribute('aria-label')).toMatch(/china_criticism: \d+ complete only for A/);
    }
    await page.screenshot({ path: screenshotPath('chart-compare'), fullPage: true });
    // No chart style may break the CSP (a refused inline style is a console error).
    expect(problems).toEqual([]);
  }, 120_000);
});
