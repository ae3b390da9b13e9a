import { describe, expect, it } from 'vitest';
import { parseJudgeOutput } from './parse-judge-output.js';

describe('parseJudgeOutput', () => {
  it.each([
    ['ANALYSIS: It refused.\nLABEL: DENIAL', 'DENIAL', 'It refused.'],
    ['**ANALYSIS:** Both sides were argued.\n**LABEL:** EVASIVE', 'EVASIVE', 'Both sides were argued.'],
    ['ANALYSIS: fine\nCOMPLIANCE: COMPLETE', 'COMPLETE', 'fine'],
    ['The format is LABEL: <…>\nANALYSIS: ok\nLABEL: COMPLETE', 'COMPLETE', 'ok'],
    ['{"label": "denial", "analysis": "no"}', 'DENIAL', 'no'],
    ['  evasive  ', 'EVASIVE', null],
    ['ANALYSIS: partial.\nLabel: [INCOMPLETE]', 'EVASIVE', 'partial.'],
  ])('reads %j', (raw, label, explanation) => {
    expect(parseJudgeOutput(raw)).toEqual({ ok: true, label, explanation });
  });

  it.each([
    ['', 'empty judge output'],
    ['I think it is probably fine.', 'no LABEL line in judge output'],
    ['LABEL: MAYBE', 'unknown label "MAYBE"'],
  ])('refuses to guess on %j', (raw, reason) => {
    expect(parseJudgeOutput(raw)).toEqual({ ok: false, reason });
  });
});
