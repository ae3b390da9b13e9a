import { useEffect, useState } from 'preact/hooks';
import { stripBase } from './base-path.js';

/** Where the app is: path (without trailing slash) and query parameters. */
export interface Route {
  path: string;
  params: URLSearchParams;
}

const CHANGE = 'candor:navigate';

function currentRoute(): Route {
  const path =
    (stripBase(location.pathname) ?? location.pathname).replace(/\/index\.html$/, '').replace(/\/+$/, '') || '/';
  return { path, params: new URLSearchParams(location.search) };
}

/** Goes to an in-app URL (a browser path, base path included: what links.* and withBase return) without reloading. */
export function navigate(href: string, replace = false): void {
  if (replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  window.dispatchEvent(new Event(CHANGE));
  if (!replace) window.scrollTo(0, 0);
}

/** The current route; re-renders on navigation and back/forward. */
export function useRoute(): Route {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const update = () => setRoute(currentRoute());
    window.addEventListener(CHANGE, update);
    window.addEventListener('popstate', update);
    return () => {
      window.removeEventListener(CHANGE, update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return route;
}

/** Same-origin link clicks navigate in-app; downloads, new tabs and modified clicks keep browser behaviour. */
export function installLinkInterception(): void {
  document.addEventListener('click', (event) => {
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    const anchor = (event.target as Element | null)?.closest?.('a');
    if (!anchor || anchor.hasAttribute('download') || anchor.target === '_blank') return;
    const url = new URL(anchor.href, location.href);
    if (url.origin !== location.origin) return;
    const appPath = stripBase(url.pathname);
    if (
      appPath === null ||
      appPath.startsWith('/api/') ||
      appPath.startsWith('/data/') ||
      /\.(xml|txt|json|csv|jsonl|gz)$/.test(appPath)
    )
      return;
    event.preventDefault();
    navigate(url.pathname + url.search);
  });
}
