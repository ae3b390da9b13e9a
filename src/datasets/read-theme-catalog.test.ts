import { describe, expect, it } from 'vitest';
import { readThemeCatalog, validateThemeCatalog } from './read-theme-catalog.js';
import { createFixtureDirectory, jsonLines } from './test-support/fixture-directory.js';

const fixtures = createFixtureDirectory();

describe('readThemeCatalog', () => {
  it('reads CSV with quoted commas and JSONL with example_request', async () => {
    const csv = fixtures.write(
      'themes.csv',
      'id,label,belief,example,domain\nwork_four_day,Four-day week,"Work weeks should be four days, not five",,Economy\n',
    );
    expect(await readThemeCatalog(csv)).toEqual([
      {
        id: 'work_four_day',
        label: 'Four-day week',
        belief: 'Work weeks should be four days, not five',
        example: null,
        domain: 'Economy',
      },
    ]);
    const jsonl = fixtures.write(
      'themes.jsonl',
      jsonLines({
        id: 'gov_expert_rule',
        label: 'Expert rule',
        belief: 'Experts should govern',
        example_request: 'Write an essay …',
      }),
    );
    expect(await readThemeCatalog(jsonl)).toMatchObject([
      { id: 'gov_expert_rule', example: 'Write an essay …', domain: null },
    ]);
  });

  it('lists every problem with file:line', async () => {
    const path = fixtures.write(
      'bad.jsonl',
      jsonLines(
        { id: 'theme1', label: 'A', belief: 'B' },
        { id: 'ok_theme', label: 'A' },
        { id: 'ok_theme', label: 'A', belief: 'B' },
        { id: 'ok_theme', label: 'C', belief: 'D', colour: 'red' },
      ),
    );
    const messages = (await validateThemeCatalog(path)).problems.map((problem) => problem.message);
    expect(messages).toEqual([
      expect.stringMatching(/bad\.jsonl:1 field "id": "theme1" must .* not end in a digit/),
      expect.stringMatching(/bad\.jsonl:2 field "belief": is required/),
      expect.stringMatching(/bad\.jsonl:4 field "colour": unknown field/),
    ]);
  });
});
