/**
 * The path the explorer is served under ("/" or e.g. "/candor/"), from <meta name="candor-base">
 * (written by `candor serve --base-path` and `candor site build --base-path`). Every link, data
 * fetch and route goes through these helpers so the site works under any sub-path.
 */
export const BASE = normalizeBase(document.querySelector('meta[name="candor-base"]')?.getAttribute('content') ?? '/');

function normalizeBase(value: string): string {
  const trimmed = value.trim();
  if (!trimmed.startsWith('/')) return '/';
  return trimmed.endsWith('/') ? trimmed : `${trimmed}/`;
}

/** An app path ("/models/x?y") as the URL path under the base ("/candor/models/x?y"). */
export function withBase(path: string): string {
  if (BASE === '/' || !path.startsWith('/')) return path;
  return `${BASE}${path.slice(1)}`;
}

/** A URL path under the base back to the app path; null when it is outside the base. */
export function stripBase(pathname: string): string | null {
  if (BASE === '/') return pathname;
  if (pathname === BASE.slice(0, -1)) return '/';
  return pathname.startsWith(BASE) ? `/${pathname.slice(BASE.length)}` : null;
}
