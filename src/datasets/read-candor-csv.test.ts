import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readCandorCsv, validateCandorCsv } from './read-candor-csv.js';
import { createFixtureDirectory, plainQuestion } from './test-support/fixture-directory.js';

const fixtures = createFixtureDirectory();

async function problemsOf(name: string, csv: string): Promise<string[]> {
  const { problems } = await validateCandorCsv(fixtures.write(name, csv));
  return problems.map(
    (problem) => `${problem.location.line ?? ''} ${problem.location.field ?? ''}: ${problem.problem}`,
  );
}

describe('readCandorCsv', () => {
  it('maps the columns onto Questions, with ;-separated tags and a set:id translation_of', async () => {
    const csv = [
      '\uFEFFid,text,domain,theme,variation,target_country,language,template_id,tags,translation_of,translation_kind',
      'q1,"Write an essay, with ""quotes""",Politics,t,1,US,fi,tpl_1, a ; b ;,en_set:q1,human',
      'q2,Plain,,,,,,,,,',
    ].join('\r\n');
    const path = fixtures.write('swap_fi.csv', csv);
    const { set, questions } = await readCandorCsv(path);
    expect(set).toMatchObject({ name: 'swap_fi', format: 'candor-csv', source: path });
    expect(questions).toEqual([
      {
        setName: 'swap_fi',
        id: 'q1',
        text: 'Write an essay, with "quotes"',
        domain: 'Politics',
        theme: 't',
        variation: '1',
        targetCountry: 'US',
        language: 'fi',
        templateId: 'tpl_1',
        tags: ['a', 'b'],
        translationOf: { setName: 'en_set', id: 'q1' },
        translationKind: 'human',
      },
      plainQuestion({ setName: 'swap_fi', id: 'q2', text: 'Plain' }),
    ]);
  });

  it('accepts a "question" column, a set column, multi-line text and gzip', async () => {
    const path = fixtures.write('g.csv.gz', gzipSync('question,id,set\n"line one\nline two",a,mine\n'));
    const { set, questions } = await readCandorCsv(path, { setName: 'ignored' });
    expect(set.name).toBe('mine');
    expect(questions[0]).toMatchObject({ id: 'a', text: 'line one\nline two' });
  });

  it('reports a bad field on the physical line where its record starts, by column name', async () => {
    expect(await problemsOf('bad.csv', 'id,text,target_country\na,"two\nlines",US\nb,B,usa\n')).toEqual([
      '4 target_country: expected an ISO 3166-1 alpha-2 code in upper case (e.g. "CN") or "EU", got "usa"',
    ]);
  });

  it('reports a record with the wrong number of fields', async () => {
    expect(await problemsOf('count.csv', 'id,text\na,A\nb,B,extra\n')).toEqual([
      '3 : has 3 fields but the header has 2; quote fields that contain commas',
    ]);
  });

  it('requires a header naming id and text', async () => {
    expect(await problemsOf('no-header.csv', 'a,Some question\n')).toEqual([
      '1 id: header has no "id" column; the first row must name the columns',
      '1 text: header has no "text" (or "question") column',
    ]);
  });

  it('reports unknown and repeated columns on line 1', async () => {
    expect(await problemsOf('columns.csv', 'id,text,country,_comment\na,A,CN,x\n')).toEqual([
      '1 country: unknown column (known columns: id, text, set, domain, theme, variation, target_country, language, template_id, tags, translation_of, translation_kind)',
    ]);
    expect(await problemsOf('twice.csv', 'id,text,id\na,A,b\n')).toEqual(['1 id: column appears twice in the header']);
  });

  it('reports a CSV syntax error with its line', async () => {
    expect(await problemsOf('syntax.csv', 'id,text\na,"open\n')).toEqual([
      '2 : quoted field is never closed; add the closing quote',
    ]);
  });
});
