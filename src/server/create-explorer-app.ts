import { Hono, type Context } from 'hono';
import { CandorError } from '../core/index.js';
import type { ApiError } from './api-types/shared.js';
import type { ExplorerData } from './explorer-data.js';
import { explorerQuery } from './explorer-query.js';
import { answerFilters } from './list-answers.js';
import { exportFile, parseExportFormat } from './dataset-export.js';
import { securityHeaders } from './security-headers.js';
import { sendData } from './send-data.js';
import { contentTypeOf, readAsset } from './web-assets.js';
import { webShell } from './web-shell.js';

export interface ExplorerAppOptions {
  data: ExplorerData;
  /** Built front end folder (index.html + assets/); null serves the API only. */
  webRoot: string | null;
  /** Host names accepted in the Host header (guards a loopback server against DNS rebinding); null accepts any. */
  allowedHosts?: readonly string[] | null;
  /** The path everything is served under ("/" or e.g. "/candor/", see parseBasePath). Default "/". */
  basePath?: string;
}

function queryOf(context: Context) {
  return explorerQuery({
    judge: context.req.query('judge'),
    lens: context.req.query('lens'),
    excludeBlocked: context.req.query('excludeBlocked'),
    includeTest: context.req.query('includeTest'),
    set: context.req.query('set'),
  });
}

function failure(context: Context, error: unknown): Response {
  const code = error instanceof CandorError ? error.code : error instanceof URIError ? 'bad_request' : 'internal';
  const status = code === 'not_found' ? 404 : code === 'bad_request' ? 400 : 500;
  const body: ApiError = { error: error instanceof Error ? error.message : String(error) };
  return context.json(body, status);
}

const NO_FRONT_END =
  '<!doctype html><title>Candor</title><p>The explorer front end is not built. Run <code>npm run build</code>.</p>';

/**
 * The explorer's HTTP app: read-only JSON/CSV API under <base>api, the front end for every other
 * path under the base path.
 */
export function createExplorerApp(options: ExplorerAppOptions): Hono {
  const app = createRootApp(options);
  const basePath = options.basePath ?? '/';
  if (basePath === '/') return app;
  // Under a sub-path: strip it and hand the request to the app; the bare prefix redirects to its slash form.
  const outer = new Hono();
  outer.use('*', securityHeaders());
  outer.all('*', (context) => {
    const url = new URL(context.req.url);
    if (url.pathname === basePath.slice(0, -1)) return context.redirect(`${basePath}${url.search}`, 308);
    if (!url.pathname.startsWith(basePath))
      return context.text(`not found: the explorer is served under ${basePath}`, 404);
    url.pathname = `/${url.pathname.slice(basePath.length)}`;
    return app.fetch(new Request(url, context.req.raw), context.env);
  });
  return outer;
}

function createRootApp(options: ExplorerAppOptions): Hono {
  const { data, webRoot } = options;
  const basePath = options.basePath ?? '/';
  const app = new Hono();
  app.use('*', securityHeaders());
  if (options.allowedHosts) {
    const allowed = new Set(options.allowedHosts);
    app.use('*', async (context, next) => {
      // The node adapter builds the request URL from the Host header.
      const host = new URL(context.req.url).hostname.replace(/^\[|\]$/g, '');
      if (!allowed.has(host)) return context.text('unknown host', 421);
      return next();
    });
  }
  app.onError((error, context) => failure(context, error));

  app.get('/api/overview', async (context) => {
    const body = await data.overview(queryOf(context));
    return sendData(context, body, body.findings, 'overview');
  });
  app.get('/api/leaderboard', async (context) => {
    const body = await data.leaderboard(queryOf(context));
    return sendData(context, body, body.rows, `leaderboard${body.set ? `-${body.set}` : ''}`);
  });
  app.get('/api/models/*', async (context) => {
    const id = decodeURIComponent(context.req.path.slice('/api/models/'.length));
    const body = await data.model(id, queryOf(context));
    const name = context.req.query('table');
    const table =
      name === 'domain'
        ? body.byDomain
        : name === 'country'
          ? body.byCountry
          : name === 'themes'
            ? body.byTheme
            : body.bySet;
    return sendData(context, body, table, `model-${id}-${context.req.query('table') ?? 'set'}`);
  });
  app.get('/api/questions/:set/:id', async (context) => {
    const body = await data.question(context.req.param('set'), context.req.param('id'));
    const table = body.answers.map(
      ({ responseId, model, runId, sample, route, status, label, judge, explanation, text }) => ({
        responseId,
        model,
        runId,
        sample,
        route,
        status,
        label,
        judge,
        explanation,
        text,
      }),
    );
    return sendData(context, body, table, `question-${body.question.set}-${body.question.id}`);
  });
  app.get('/api/compare', async (context) => {
    const a = context.req.query('a');
    const b = context.req.query('b');
    if (!a || !b)
      return context.json({ error: 'pass two models: /api/compare?a=<model>&b=<model>' } satisfies ApiError, 400);
    const body = await data.compare(a, b, queryOf(context));
    return sendData(context, body, body.flipped, `compare-${a}-vs-${b}`);
  });
  app.get('/api/map', async (context) => {
    const body = await data.map(queryOf(context));
    return sendData(context, body, body.countries, 'map');
  });
  app.get('/api/map/:country', async (context) => {
    const body = await data.country(context.req.param('country'), queryOf(context));
    return sendData(context, body, body.questions, `country-${body.country}`);
  });
  app.get('/api/search/status', (context) => {
    context.header('Cache-Control', 'no-store');
    return context.json(data.searchStatus());
  });
  app.get('/api/search', async (context) => {
    const limit = Math.min(500, Math.max(1, Number(context.req.query('limit') ?? '100') || 100));
    const body = await data.search(context.req.query('q') ?? '', limit);
    return sendData(context, body, body.hits, 'search');
  });
  app.get('/api/timeline', async (context) => {
    const body = await data.timeline(queryOf(context));
    const tests = context.req.query('table') === 'test';
    return sendData(
      context,
      body,
      tests ? body.testDates : body.release,
      tests ? 'timeline-test-dates' : 'timeline-release',
    );
  });
  app.get('/api/languages', async (context) => {
    const body = await data.languages(queryOf(context));
    const table = body.groups.flatMap((group) =>
      group.rows.flatMap((row) =>
        group.languages.map((language) => {
          const cell = row.byLanguage[language];
          return {
            baseSet: group.baseSet,
            model: row.model,
            language,
            set: group.sets[language] ?? null,
            total: cell?.n ?? 0,
            missing: cell?.missing ?? 0,
            complete: cell?.COMPLETE ?? 0,
            rate: cell?.rate ?? null,
            low: cell?.low ?? null,
            high: cell?.high ?? null,
            gap_pp: row.gaps[language] ? row.gaps[language]!.difference * 100 : null,
            gap_low_pp: row.gaps[language] ? row.gaps[language]!.low * 100 : null,
            gap_high_pp: row.gaps[language] ? row.gaps[language]!.high * 100 : null,
            gap_pairs: row.gaps[language]?.pairs ?? null,
            gap_mcnemar_p: row.gaps[language]?.pValue ?? null,
          };
        }),
      ),
    );
    return sendData(context, body, table, 'language-gap');
  });
  app.get('/api/routes', async (context) => {
    const body = await data.routes(queryOf(context));
    return sendData(context, body, body.rows, 'routes');
  });
  app.get('/api/judges', async (context) => {
    const body = await data.judges(queryOf(context));
    const name = context.req.query('table');
    const table =
      name === 'judges'
        ? body.judges
        : name === 'human'
          ? body.vsHuman.map(({ labels: _labels, confusion: _confusion, ...row }) => row)
          : body.agreement;
    return sendData(context, body, table, `judges-${name === 'judges' || name === 'human' ? name : 'agreement'}`);
  });
  app.get('/api/themes/:set/:theme', async (context) => {
    const body = await data.theme(context.req.param('set'), context.req.param('theme'), queryOf(context));
    const table = body.models.flatMap((row) =>
      body.phrasings.flatMap((phrasing) =>
        (row.labels[phrasing.id] ?? []).map((label, answer) => ({
          model: row.model,
          questionId: phrasing.id,
          answer,
          label,
        })),
      ),
    );
    return sendData(context, body, table, `theme-${body.set}-${body.theme}`);
  });
  app.get('/api/themes', async (context) => {
    const body = await data.themesIndex(queryOf(context));
    return sendData(context, body, body.themes, 'themes');
  });
  app.get('/api/domains', async (context) => {
    const body = await data.domains(queryOf(context));
    return sendData(context, body, body.domains, 'domains');
  });
  app.get('/api/domains/:domain', async (context) => {
    const body = await data.domain(context.req.param('domain'), queryOf(context));
    const table = body.models.map(({ key, ...cells }) => ({ model: key, ...cells }));
    return sendData(context, body, table, `domain-${body.domain}`);
  });
  app.get('/api/export', async (context) => {
    const format = parseExportFormat(context.req.query('format'));
    const file = exportFile(format);
    const body = await data.exportDataset(format);
    context.header('Content-Type', file.type);
    context.header('Content-Disposition', `attachment; filename="${file.name}"`);
    context.header('Cache-Control', 'no-store');
    return context.body(body);
  });
  app.get('/api/highlights', async (context) => {
    const body = await data.highlights(queryOf(context));
    return sendData(context, body, body.cards, 'highlights');
  });
  app.get('/api/labs', async (context) => {
    const body = await data.labs(queryOf(context));
    const table = body.labs.map(({ models, ...row }) => ({ ...row, models: models.join(' ') }));
    return sendData(context, body, table, 'labs');
  });
  app.get('/api/answers', async (context) => {
    const filters = answerFilters(context.req.query());
    const page = Number(context.req.query('page') ?? '1');
    const body = await data.answers(filters, page);
    const table = body.rows.map(({ segment: _segment, ...row }) => row);
    return sendData(
      context,
      body,
      table,
      `answers${Object.values(filters)
        .filter(Boolean)
        .map((value) => `-${value}`)
        .join('')}-page${body.page}`,
    );
  });
  app.all('/api/*', (context) => context.json({ error: `no API route ${context.req.path}` } satisfies ApiError, 404));

  app.get('*', (context) => {
    if (webRoot === null) return context.html(NO_FRONT_END, 503);
    const path = context.req.path;
    if (path.startsWith('/assets/') || /\.[a-z0-9]+$/i.test(path)) {
      const file = readAsset(webRoot, decodeURIComponent(path.slice(1)));
      if (file === null) return context.text('not found', 404);
      context.header('Content-Type', contentTypeOf(path));
      if (path.startsWith('/assets/')) context.header('Cache-Control', 'public, max-age=31536000, immutable');
      return context.body(new Uint8Array(file));
    }
    // Every page URL gets the app shell, so reloads and shared links work.
    const index = readAsset(webRoot, 'index.html');
    if (index === null) return context.html(NO_FRONT_END, 503);
    context.header('Cache-Control', 'no-cache');
    return context.html(webShell(index.toString('utf8'), { mode: 'api', basePath, lenient: true }));
  });
  return app;
}
