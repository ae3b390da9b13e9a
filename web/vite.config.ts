import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

// The explorer front end: built into dist/web, served by `candor serve` and copied by `candor site build`.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [preact()],
  // Relative: the server and the site builder point the shell at <base path>assets/ (see web-shell.ts),
  // and chunks find each other relative to themselves, so one build works under any sub-path.
  base: './',
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
  },
});
