import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { openStore } from '../store/index.js';
import { createExplorerApp } from './create-explorer-app.js';
import { createExplorerData } from './explorer-data.js';
import { findWebAssets } from './web-assets.js';

export interface StartExplorerOptions {
  /** The store: a SQLite file or a postgres:// URL. */
  location: string;
  /** 0 picks a free port. Default DEFAULT_EXPLORER_PORT (8700). */
  port?: number;
  /** Default 127.0.0.1: the explorer is not exposed unless asked. */
  host?: string;
  /** Front end folder; default the built dist/web. */
  webRoot?: string | null;
  /** Path to serve under ("/" or e.g. "/candor/"; see parseBasePath). Default "/". */
  basePath?: string;
  /**
   * Host names accepted in the Host header besides loopback and the bound address. The check is
   * always on (it guards against DNS rebinding); on a network interface, list the names clients use.
   */
  allowedHosts?: readonly string[];
}

export interface RunningExplorer {
  url: string;
  close(): Promise<void>;
}

/** Port of `candor serve` unless --port says otherwise. */
export const DEFAULT_EXPLORER_PORT = 8700;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);
const WILDCARD = new Set(['0.0.0.0', '::', '']);

/** Whether serving on `host` exposes the explorer beyond this machine. */
export function isNetworkHost(host: string): boolean {
  return !LOOPBACK.has(host);
}

/** Host header names the explorer answers: loopback, the bound address (unless a wildcard), and those allowed. */
export function acceptedHosts(host: string, allowed: readonly string[] = []): string[] {
  const names = new Set([
    ...LOOPBACK,
    ...(WILDCARD.has(host) ? [] : [host.replace(/^\[|\]$/g, '')]),
    ...allowed.map((name) => name.toLowerCase()),
  ]);
  return [...names];
}

/** Opens the store read-only and serves the explorer (API + front end); resolves once listening. */
export async function startExplorer(options: StartExplorerOptions): Promise<RunningExplorer> {
  const host = options.host ?? '127.0.0.1';
  const store = await openStore(options.location);
  const data = createExplorerData({ store, location: options.location });
  await data.warm();
  const app = createExplorerApp({
    data,
    webRoot: options.webRoot === undefined ? findWebAssets() : options.webRoot,
    allowedHosts: acceptedHosts(host, options.allowedHosts),
    basePath: options.basePath ?? '/',
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, port: options.port ?? DEFAULT_EXPLORER_PORT, hostname: host }, () =>
      resolve(started),
    );
    started.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}${options.basePath ?? '/'}`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      data.close();
      await store.close();
    },
  };
}
