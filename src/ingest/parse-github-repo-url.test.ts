import { describe, expect, it } from 'vitest';
import { InputError } from '../core/index.js';
import { parseGitHubRepoUrl } from './download-speechmap.js';

describe('parseGitHubRepoUrl', () => {
  it.each([
    ['https://github.com/xlr8harder/speechmap-data', { owner: 'xlr8harder', repo: 'speechmap-data', ref: 'main' }],
    ['https://github.com/xlr8harder/speechmap-data/', { owner: 'xlr8harder', repo: 'speechmap-data', ref: 'main' }],
    ['https://github.com/xlr8harder/speechmap-data.git', { owner: 'xlr8harder', repo: 'speechmap-data', ref: 'main' }],
    [
      'https://github.com/xlr8harder/speechmap-data/tree/v1.2',
      { owner: 'xlr8harder', repo: 'speechmap-data', ref: 'v1.2' },
    ],
    [
      'https://github.com/xlr8harder/speechmap-data/tree/release/2025-01',
      { owner: 'xlr8harder', repo: 'speechmap-data', ref: 'release/2025-01' },
    ],
  ])('accepts %s', (url, expected) => {
    expect(parseGitHubRepoUrl(url)).toEqual(expected);
  });

  it.each([
    'github.com/xlr8harder/speechmap-data',
    'http://github.com/xlr8harder/speechmap-data',
    'https://gitlab.com/xlr8harder/speechmap-data',
    'git@github.com:xlr8harder/speechmap-data.git',
    'https://github.com/xlr8harder',
    'https://github.com/xlr8harder/speechmap-data/blob/main/questions/us_hard.jsonl',
    'https://github.com/xlr8harder/speechmap-data/tree/',
    'https://github.com/xlr8harder/speechmap-data/tree/../x',
    'https://github.com/xlr8harder/speechmap-data?tab=readme',
    '/work/shared/speechmap-data',
  ])('rejects %s with an InputError listing the accepted forms', (url) => {
    expect(() => parseGitHubRepoUrl(url)).toThrow(InputError);
    expect(() => parseGitHubRepoUrl(url)).toThrow(/accepted forms: https:\/\/github\.com\/OWNER\/REPO, .*\/tree\/REF/);
  });
});
