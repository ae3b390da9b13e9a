import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { InputError } from '../core/index.js';

/** The files of a SpeechMap data folder, by kind. */
export interface SpeechMapFiles {
  root: string;
  questions: string[];
  responses: string[];
  /** Judged rows; one entry per `analysis*` folder (e.g. analysis/, analysis-gpt4o-judge/). */
  analysis: { folder: string; files: string[] }[];
}

const JSONL = /\.jsonl(\.gz)?$/;

function listJsonl(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => JSONL.test(name))
    .sort()
    .map((name) => join(folder, name));
}

/** Finds questions/, responses/ and analysis* files under a SpeechMap data folder. */
export function findSpeechMapFiles(root: string): SpeechMapFiles {
  if (!existsSync(root)) throw new InputError({ file: root }, 'folder does not exist');
  if (!statSync(root).isDirectory())
    throw new InputError({ file: root }, 'is not a folder; pass a SpeechMap data folder');
  const sub = (name: string) => join(root, name);
  const isFolder = (name: string) => existsSync(sub(name)) && statSync(sub(name)).isDirectory();
  const analysisFolders = readdirSync(root)
    .filter((name) => name.startsWith('analysis') && isFolder(name))
    .sort();
  const files: SpeechMapFiles = {
    root,
    questions: isFolder('questions') ? listJsonl(sub('questions')) : [],
    responses: isFolder('responses') ? listJsonl(sub('responses')) : [],
    analysis: analysisFolders.map((name) => ({ folder: name, files: listJsonl(sub(name)) })),
  };
  if (
    files.questions.length === 0 &&
    files.responses.length === 0 &&
    files.analysis.every((entry) => entry.files.length === 0)
  ) {
    throw new InputError(
      { file: root },
      'not a SpeechMap data folder: expected .jsonl or .jsonl.gz files in questions/, responses/ or analysis*/',
    );
  }
  return files;
}

/** The question-set name a SpeechMap file is about, given the known set names (longest prefix wins). */
export function setNameOfFile(path: string, knownSets: readonly string[]): string | null {
  const name = basename(path)
    .replace(JSONL, '')
    .replace(/^compliance_/, '');
  let best: string | null = null;
  for (const set of knownSets) {
    if ((name === set || name.startsWith(`${set}_`)) && (best === null || set.length > best.length)) best = set;
  }
  return best;
}
