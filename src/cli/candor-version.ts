import { readFileSync } from 'node:fs';

function readVersion(): string {
  try {
    const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    return packageJson.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** Candor's version, from package.json (src/cli and dist/cli both sit two levels below it). */
export const CANDOR_VERSION = readVersion();
