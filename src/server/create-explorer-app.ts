import { Hono, type Context } from 'hono';
import { CandorError } from '../core/index.js';
import type { ApiError } from './api-types.js';
import type { ExplorerData } from './explorer-data.js';
import { explorerQuery } from './explorer-query.js';
import { securityHeaders } from './security-headers.js';
import { sendData } from './send-data.js';
import { contentTypeOf, readAsset } from './web-assets.js';

export interface ExplorerAppOptions {
  data: ExplorerData;
  /** Built front end folder (index.html + assets/); null serves the API only. */
  webRoot: string | null;
  /** Host names accepted in the Host header (guards a loopback server against DNS rebinding); null accepts any. */
  allowedHosts?: readonly string[] | null;
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

const NO_FRONT_END = '<!doctype html><title>Candor</title><p>The explorer front end is not built. Run <code>npm run build</code>.</p>';

/** The explorer's HTTP app: read-only JSON/CSV API under /api, the front end for every other path. */
export function createExplorerApp(options: ExplorerAppOptions): Hono {
  const { data, webRoot } = options;
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
    const table = name === 'domain' ? body.byDomain : name === 'country' ? body.byCountry : name === 'themes' ? body.byTheme : body.bySet;
    return sendData(context, body, table, `model-${id}-${context.req.query('table') ?? 'set'}`);
  });
  app.get('/api/questions/:set/:id', async (context) => {
    const body = await data.question(context.req.param('set'), context.req.param('id'));
    const table = body.answers.map(({ responseId, model, runId, sample, route, status, label, judge, explanation, text }) => ({
      responseId, model, runId, sample, route, status, label, judge, explanation, text,
    }));
    return sendData(context, body, table, `question-${body.question.set}-${body.question.id}`);
  });
  app.get('/api/compare', async (context) => {
    const a = context.req.query('a');
    const b = context.req.query('b');
    if (!a || !b) return context.json({ error: 'pass two models: /api/compare?a=<model>&b=<model>' } satisfies ApiError, 400);
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
  app.get('/api/search', async (context) => {
    const limit = Math.min(500, Math.max(1, Number(context.req.query('limit') ?? '100') || 100));
    const body = await data.search(context.req.query('q') ?? '', limit);
    return sendData(context, body, body.hits, 'search');
  });
  app.get('/api/timeline', async (context) => {
    const body = await data.timeline(queryOf(context));
    const tests = context.req.query('table') === 'test';
    return sendData(context, body, tests ? body.testDates : body.release, tests ? 'timeline-test-dates' : 'timeline-release');
  });
  app.get('/api/languages', async (context) => {
    const body = await data.languages(queryOf(context));
    const table = body.groups.flatMap((group) =>
      group.rows.flatMap((row) =>
        group.languages.map((language) => {
          const cell = row.byLanguage[language];
          return {
            baseSet: group.baseSet, model: row.model, language, set: group.sets[language] ?? null,
            total: cell?.total ?? 0, missing: cell?.missing ?? 0, complete: cell?.complete ?? 0, rate: cell?.rate ?? null, low: cell?.low ?? null, high: cell?.high ?? null,
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
    const table = name === 'judges' ? body.judges : name === 'human' ? body.vsHuman.map(({ labels: _labels, confusion: _confusion, ...row }) => row) : body.agreement;
    return sendData(context, body, table, `judges-${name === 'judges' || name === 'human' ? name : 'agreement'}`);
  });
  app.get('/api/themes/:set/:theme', async (context) => {
    const body = await data.theme(context.req.param('set'), context.req.param('theme'), queryOf(context));
    const table = body.models.flatMap((row) =>
      body.phrasings.flatMap((phrasing) => (row.labels[phrasing.id] ?? []).map((label, answer) => ({ model: row.model, questionId: phrasing.id, answer, label }))),
    );
    return sendData(context, body, table, `theme-${body.set}-${body.theme}`);
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
    return context.html(index.toString('utf8'));
  });
  return app;
}
