import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Which top-level folders of src/ each folder may import (docs/architecture.md).
 * core imports nothing; the leaf concepts import only core; orchestrators import leaves;
 * only cli and server may import anything; nothing imports cli or server.
 */
const ALLOWED: Record<string, string[]> = {
  core: [],
  datasets: ['core'],
  providers: ['core'],
  judge: ['core'],
  stats: ['core'],
  store: ['core'],
  'mock-server': ['core'],
  runner: ['core', 'datasets', 'providers', 'judge', 'stats', 'store'],
  ingest: ['core', 'datasets', 'providers', 'judge', 'stats', 'store'],
  reports: ['core', 'stats', 'store'],
  specs: ['core', 'providers', 'judge', 'store', 'runner'],
  server: ['core', 'datasets', 'providers', 'judge', 'stats', 'store', 'runner', 'ingest', 'reports', 'specs'],
  cli: [
    'core',
    'datasets',
    'providers',
    'judge',
    'stats',
    'store',
    'runner',
    'ingest',
    'reports',
    'specs',
    'server',
    'mock-server',
  ],
};

/** Tests may also use the mock server and the store contract suite, whatever folder they sit in. */
const ALLOWED_IN_TESTS = ['mock-server', 'store', 'providers'];

const sourceRoot = resolve(import.meta.dirname, '..', 'src');

function listSourceFiles(directory: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(directory)) {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) files.push(...listSourceFiles(path));
    else if (path.endsWith('.ts')) files.push(path);
  }
  return files;
}

function importsOf(source: string): string[] {
  const specifiers: string[] = [];
  const pattern = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const match of source.matchAll(pattern)) specifiers.push((match[1] ?? match[2])!);
  return specifiers;
}

function topFolder(path: string): string {
  return relative(sourceRoot, path).split(sep)[0]!;
}

export function findViolations(): string[] {
  const violations: string[] = [];
  for (const file of listSourceFiles(sourceRoot)) {
    const folder = topFolder(file);
    if (!file.slice(sourceRoot.length + 1).includes(sep)) continue; // src/index.ts re-exports the public API
    const allowed = file.endsWith('.test.ts')
      ? [...(ALLOWED[folder] ?? []), ...ALLOWED_IN_TESTS]
      : (ALLOWED[folder] ?? []);
    if (!ALLOWED[folder]) {
      violations.push(`${relative(sourceRoot, file)}: folder "${folder}" has no import rule; add it to ALLOWED`);
      continue;
    }
    for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
      if (!specifier.startsWith('.')) continue;
      const target = resolve(dirname(file), specifier);
      if (!target.startsWith(sourceRoot + sep)) {
        violations.push(`${relative(sourceRoot, file)} imports outside src: ${specifier}`);
        continue;
      }
      const targetFolder = topFolder(target);
      if (targetFolder !== folder && !allowed.includes(targetFolder)) {
        violations.push(`${relative(sourceRoot, file)} (${folder}) may not import ${targetFolder}: ${specifier}`);
      }
    }
  }
  return violations;
}

/** The file a relative specifier names: `./x.js` is `x.ts`, a folder is its `index.ts`. */
function resolveSpecifier(from: string, specifier: string): string {
  const target = resolve(dirname(from), specifier);
  if (target.endsWith('.js')) return target.slice(0, -'.js'.length) + '.ts';
  return target.endsWith('.ts') ? target : join(target, 'index.ts');
}

/** file → the src/ files it imports (type-only imports included: a cycle of types is still a knot to untie). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of listSourceFiles(sourceRoot)) {
    const targets = importsOf(readFileSync(file, 'utf8'))
      .filter((specifier) => specifier.startsWith('.'))
      .map((specifier) => resolveSpecifier(file, specifier));
    graph.set(file, targets);
  }
  return graph;
}

/** Every import cycle found by a depth-first walk, each as `a.ts -> b.ts -> a.ts` (paths relative to src/). */
export function findCycles(graph: Map<string, string[]> = importGraph()): string[] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    stack.push(file);
    for (const target of graph.get(file) ?? []) {
      if (!graph.has(target)) continue;
      const seen = state.get(target);
      if (seen === 'open')
        cycles.push(
          [...stack.slice(stack.indexOf(target)), target].map((path) => relative(sourceRoot, path)).join(' -> '),
        );
      else if (seen === undefined) visit(target);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return cycles;
}

const webRoot = resolve(import.meta.dirname, '..', 'web', 'src');
const API_CONTRACT = join(sourceRoot, 'server', 'api-types');

/** A file of the API contract folder (src/server/api-types/, tests aside). */
const isContract = (target: string) =>
  dirname(target) === API_CONTRACT && target.endsWith('.ts') && !target.endsWith('.test.ts');
const STATS = join(sourceRoot, 'stats');

/** src/stats files the browser may import: pure functions with no import outside src/stats (no node:, no core). */
function isPureStats(target: string): boolean {
  if (!target.startsWith(STATS + sep) || target.endsWith('.test.ts') || relative(STATS, target) === 'index.ts')
    return false;
  return importsOf(readFileSync(target, 'utf8')).every((specifier) => specifier.startsWith('./'));
}

/**
 * web/ (the explorer front end) may import from src/ only the API contract types (the files of
 * src/server/api-types/) and the pure statistics of src/stats, one file at a time
 * (docs/architecture.md). The contract itself may import only src/stats types and its own files.
 */
export function findWebViolations(): string[] {
  const violations: string[] = [];
  for (const file of [...listSourceFiles(webRoot), ...listTsxFiles(webRoot)]) {
    for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
      if (!specifier.startsWith('.')) continue;
      const target = resolve(dirname(file), specifier).replace(/\.js$/, '.ts');
      if (target.startsWith(webRoot + sep)) continue;
      if (!isContract(target) && !isPureStats(target)) {
        violations.push(
          `web/${relative(webRoot, file)} may import only src/server/api-types/ and pure src/stats files from src: ${specifier}`,
        );
      }
    }
  }
  for (const contract of readdirSync(API_CONTRACT).map((name) => join(API_CONTRACT, name))) {
    if (!isContract(contract)) continue;
    for (const specifier of importsOf(readFileSync(contract, 'utf8'))) {
      const target = resolve(API_CONTRACT, specifier).replace(/\.js$/, '.ts');
      if (!isContract(target) && !isPureStats(target))
        violations.push(
          `src/server/api-types/${relative(API_CONTRACT, contract)} may import only pure src/stats files and the contract's own files: ${specifier}`,
        );
    }
  }
  return violations;
}

function listTsxFiles(directory: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(directory)) {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) files.push(...listTsxFiles(path));
    else if (path.endsWith('.tsx')) files.push(path);
  }
  return files;
}

describe('import directions', () => {
  it('web/ imports only the API contract and pure src/stats files from src/', () => {
    expect(listTsxFiles(webRoot).length).toBeGreaterThan(0);
    expect(findWebViolations()).toEqual([]);
  });

  it('every folder imports only what it is allowed to', () => {
    expect(findViolations()).toEqual([]);
  });

  it('the API contract web/ may import is the files of src/server/api-types/, no other src/server file', () => {
    expect(isContract(join(API_CONTRACT, 'shared.ts'))).toBe(true);
    expect(isContract(join(API_CONTRACT, 'models.ts'))).toBe(true);
    expect(isContract(join(sourceRoot, 'server', 'list-answers.ts'))).toBe(false);
    expect(isContract(join(sourceRoot, 'server', 'api-types.ts'))).toBe(false);
  });

  it('only self-contained src/stats files count as pure for web/', () => {
    expect(isPureStats(join(STATS, 'wilson-interval.ts'))).toBe(true);
    expect(isPureStats(join(STATS, 'mcnemar-exact.ts'))).toBe(true);
    expect(isPureStats(join(STATS, 'index.ts'))).toBe(false);
    expect(isPureStats(join(sourceRoot, 'reports', 'lens.ts'))).toBe(false);
  });

  it('no import cycle among src/ files', () => {
    expect(findCycles()).toEqual([]);
  });

  it('the cycle check finds a cycle', () => {
    const [a, b, c] = ['a.ts', 'b.ts', 'c.ts'].map((name) => join(sourceRoot, name)) as [string, string, string];
    expect(
      findCycles(
        new Map([
          [a, [b]],
          [b, [c]],
          [c, [a]],
        ]),
      ),
    ).toEqual([`a.ts -> b.ts -> c.ts -> a.ts`]);
    expect(
      findCycles(
        new Map([
          [a, [b]],
          [b, [c]],
          [c, []],
        ]),
      ),
    ).toEqual([]);
  });

  it('the checker catches a forbidden import', () => {
    const forbidden = importsOf("import { x } from '../cli/main.js';\nexport { y } from './y.js';");
    expect(forbidden).toEqual(['../cli/main.js', './y.js']);
    expect(ALLOWED['store']).not.toContain('cli');
  });
});
