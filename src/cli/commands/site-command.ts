import { resolve } from 'node:path';
import type { Command } from 'commander';
import { CandorError, UsageError } from '../../core/index.js';
import { parseBasePath } from '../../server/base-path.js';
import { buildStaticSite } from '../../server/build-static-site.js';
import { findWebAssets } from '../../server/web-assets.js';
import type { CliIo } from '../cli-io.js';
import { resolveDbLocation } from '../resolve-db-location.js';
import { withStore } from '../with-store.js';
import { shared } from '../cli-options.js';

/** --base-path and --site-url together: the URL's path is the base path unless --base-path says it (and then they must agree). */
function siteAddress(
  basePathOption: string | undefined,
  siteUrlOption: string | undefined,
): { basePath: string; siteUrl: string | null } {
  if (!siteUrlOption) return { basePath: parseBasePath(basePathOption), siteUrl: null };
  let url: URL;
  try {
    url = new URL(siteUrlOption);
  } catch {
    throw new UsageError(`--site-url "${siteUrlOption}" is not a URL (e.g. https://example.org/candor/)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new UsageError(`--site-url "${siteUrlOption}" must start with https:// or http://`);
  if (url.search || url.hash) throw new UsageError(`--site-url "${siteUrlOption}" must not have a query or fragment`);
  const fromUrl = parseBasePath(url.pathname, '--site-url');
  const basePath = basePathOption && basePathOption !== '/' ? parseBasePath(basePathOption) : fromUrl;
  if (basePath !== fromUrl)
    throw new UsageError(`--base-path ${basePath} and the path of --site-url (${fromUrl}) differ`);
  return { basePath, siteUrl: `${url.origin}${basePath}` };
}

/** `candor site build --out DIR`: the explorer as static files. */
export function registerSiteCommand(program: Command, io: CliIo): void {
  const site = program.command('site').description('the explorer as a static site any static host can serve');
  site
    .command('build')
    .description('write the explorer (front end + JSON data + client-side search) to a folder')
    .requiredOption('--out <dir>', 'output folder')
    .addOption(shared('db'))
    .option(
      '--base-path <path>',
      'the path the site will be served under, e.g. /candor/ for a GitHub Pages project site',
      '/',
    )
    .option(
      '--site-url <url>',
      'public address of the site (https://…/): absolute links in sitemap.xml and link previews; its path is the base path',
    )
    .option('--downloads', 'also put the whole dataset in downloads/ (JSONL, CSV, SpeechMap analysis format)')
    .option('--quiet', 'print only the summary')
    .action(
      async (options: {
        out: string;
        db?: string;
        quiet?: boolean;
        basePath?: string;
        siteUrl?: string;
        downloads?: boolean;
      }) => {
        if (!options.out) throw new UsageError('--out <dir> is required');
        const { basePath, siteUrl } = siteAddress(options.basePath, options.siteUrl);
        const webRoot = findWebAssets();
        if (webRoot === null)
          throw new CandorError('web_missing', 'the explorer front end is not built; run npm run build');
        const location = resolveDbLocation(options.db, io);
        const out = resolve(io.cwd, options.out);
        const started = Date.now();
        const result = await withStore(options.db, io, (store) =>
          buildStaticSite({
            store,
            location,
            out,
            webRoot,
            basePath,
            siteUrl,
            downloads: options.downloads === true,
            progress: options.quiet ? undefined : (message) => io.stderr.write(`site: ${message}\n`),
          }),
        );
        io.stdout.write(
          `static site in ${out}: ${result.files} files, ${result.models} models, ${result.questions} questions (${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
        );
      },
    );
}
