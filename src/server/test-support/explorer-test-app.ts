import { rmSync } from 'node:fs';
import type { Hono } from 'hono';
import type { CandorStore } from '../../store/index.js';
import { createExplorerApp } from '../create-explorer-app.js';
import { createExplorerData, type ExplorerData } from '../explorer-data.js';
import { createExplorerFixtureStore } from './explorer-fixture-store.js';

export interface ExplorerTestApp {
  app: Hono;
  data: ExplorerData;
  store: CandorStore;
  location: string;
  close(): Promise<void>;
}

/** The explorer app over the fixture store, with a tiny fake front end. */
export async function createExplorerTestApp(webRoot: string | null = null): Promise<ExplorerTestApp> {
  const { store, location, folder } = await createExplorerFixtureStore();
  const data = createExplorerData({ store, location });
  const app = createExplorerApp({ data, webRoot, allowedHosts: ['localhost', '127.0.0.1'] });
  return {
    app,
    data,
    store,
    location,
    close: async () => {
      data.close();
      await store.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
