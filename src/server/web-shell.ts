import { CandorError } from '../core/index.js';

/** What a page's HTML carries before any JavaScript runs. */
export interface ShellPage {
  title: string;
  description: string;
  /** Absolute URL of the page (og:url, canonical); null when the site's address is unknown. */
  url: string | null;
  /** Escaped HTML put inside <div id="app">; the app replaces it when it starts. */
  body: string;
}

const MODE = /<meta name="candor-mode" content="[a-z]+" \/>/;
const BASE = /<meta name="candor-base" content="[^"]*" \/>/;
const TITLE = /<title>[^<]*<\/title>/;
const APP = '<div id="app"></div>';

/** Text for HTML text and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * The built index.html made ready to serve: "api" or "static" mode, the base path in its meta tag and
 * asset URLs (vite builds with relative "./assets/" URLs), and optionally one page's title, meta
 * description, Open Graph tags and prerendered content.
 */
export function webShell(
  html: string,
  options: { mode: 'api' | 'static'; basePath: string; page?: ShellPage; lenient?: boolean },
): string {
  // The site builder insists on every marker; the server (lenient) rewrites what is there.
  if (!options.lenient && (!MODE.test(html) || !BASE.test(html) || !TITLE.test(html) || !html.includes(APP))) {
    throw new CandorError(
      'web_shell',
      'the built index.html lacks the candor-mode / candor-base meta tags, the <title> or <div id="app"></div>; run npm run build',
    );
  }
  let out = html
    .replace(MODE, `<meta name="candor-mode" content="${options.mode}" />`)
    .replace(BASE, `<meta name="candor-base" content="${escapeHtml(options.basePath)}" />`)
    .replace(
      /(src|href)="\.\/assets\//g,
      (_match, attribute: string) => `${attribute}="${escapeHtml(options.basePath)}assets/`,
    );
  const page = options.page;
  if (page) {
    const tags = [
      `<title>${escapeHtml(page.title)}</title>`,
      `<meta name="description" content="${escapeHtml(page.description)}" />`,
      `<meta property="og:type" content="website" />`,
      `<meta property="og:site_name" content="Candor" />`,
      `<meta property="og:title" content="${escapeHtml(page.title)}" />`,
      `<meta property="og:description" content="${escapeHtml(page.description)}" />`,
      `<meta name="twitter:card" content="summary" />`,
      ...(page.url
        ? [
            `<meta property="og:url" content="${escapeHtml(page.url)}" />`,
            `<link rel="canonical" href="${escapeHtml(page.url)}" />`,
          ]
        : []),
    ].join('\n    ');
    out = out.replace(TITLE, () => tags).replace(APP, () => `<div id="app">${page.body}</div>`);
  }
  return out;
}
