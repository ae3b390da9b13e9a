import { CandorError } from '../core/index.js';

/**
 * A base path the explorer is served under: "/" or "/a/b/" (leading and trailing slash added when
 * missing). Only URL-safe path characters; no "." or ".." segments. `option` names the flag in errors.
 */
export function parseBasePath(value: string | undefined, option = '--base-path'): string {
  if (value === undefined || value.trim() === '' || value.trim() === '/') return '/';
  const trimmed = value.trim();
  const path = `/${trimmed.replace(/^\/+|\/+$/g, '')}/`;
  const segments = path.slice(1, -1).split('/');
  if (
    !/^[A-Za-z0-9._~\-/]+$/.test(path) ||
    segments.some((segment) => segment === '' || segment === '.' || segment === '..')
  ) {
    throw new CandorError(
      'usage',
      `${option} "${value}": use a URL path like /candor/ (letters, digits, . _ ~ - and /; no empty, "." or ".." segments)`,
    );
  }
  return path;
}
