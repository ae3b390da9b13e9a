import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { NotFoundError } from '../../core/index.js';
import { parseBasePath } from '../../server/base-path.js';
import { acceptedHosts, DEFAULT_EXPLORER_PORT, isNetworkHost, startExplorer } from '../../server/start-explorer.js';
import { isPostgresUrl } from '../../store/index.js';
import type { CliIo } from '../cli-io.js';
import { parseNumberOption } from '../parse-number-option.js';
import { resolveDbLocation } from '../resolve-db-location.js';
import { shared } from '../cli-options.js';

interface ServeOptions {
  db?: string;
  port?: string;
  host?: string;
  basePath?: string;
  allowedHost?: string[];
}

/** Serves the explorer on the store at `location` until Ctrl-C; `candor demo` calls this too. */
export async function serveExplorer(
  location: string,
  options: { port?: number; host?: string; basePath?: string; allowedHosts?: string[] },
  io: CliIo,
): Promise<void> {
  if (!isPostgresUrl(location) && !existsSync(location))
    throw new NotFoundError(`store ${location}`, 'import data first (candor demo, candor import speechmap)');
  const host = options.host ?? '127.0.0.1';
  if (isNetworkHost(host)) {
    const names = acceptedHosts(host, options.allowedHosts);
    io.stderr.write(
      `candor: warning: --host ${host} exposes the store to the network (read-only, no login). Only requests whose Host is ${names.join(', ')} are answered` +
        `${options.allowedHosts?.length ? '' : '; add --allowed-host NAME for each name clients use'}\n`,
    );
  }
  const explorer = await startExplorer({
    location,
    port: options.port,
    host: options.host,
    basePath: options.basePath,
    allowedHosts: options.allowedHosts,
  });
  io.stdout.write(`Candor explorer: ${explorer.url} (read-only; Ctrl-C to stop)\n`);
  await new Promise<void>((resolve) => {
    if (!io.signal) return;
    if (io.signal.aborted) resolve();
    io.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await explorer.close();
}

/** `candor serve`: the explorer over a store, read-only, on 127.0.0.1 unless --host says otherwise. */
export function registerServeCommand(program: Command, io: CliIo): void {
  program
    .command('serve')
    .description(
      'browse the store in a web explorer (read-only API + front end; search keeps its index in <db>.search, or in the temp folder for Postgres)',
    )
    .addOption(shared('db'))
    .option('--port <port>', `port (0 picks a free one)`, String(DEFAULT_EXPLORER_PORT))
    .option('--host <host>', 'interface to bind; anything but loopback exposes the store to the network', '127.0.0.1')
    .option('--base-path <path>', 'serve everything under this path, e.g. /candor/ behind a reverse proxy', '/')
    .option(
      '--allowed-host <name>',
      'also answer requests for this Host name (repeatable; needed behind a name when --host is not loopback)',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .action(async (options: ServeOptions) => {
      const port = parseNumberOption('port', options.port, { integer: true, min: 0, max: 65535 });
      const basePath = parseBasePath(options.basePath);
      await serveExplorer(
        resolveDbLocation(options.db, io),
        { port, host: options.host, basePath, allowedHosts: options.allowedHost },
        io,
      );
    });
}
