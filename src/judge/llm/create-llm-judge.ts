import type { ResponseStatus } from '../../core/index.js';
import { JudgeUnavailableError, type Judge, type JudgeInput, type JudgeVerdict } from '../judge.js';
import { buildJudgePrompt, hashTemplate } from './build-judge-prompt.js';
import { CANDOR_RUBRIC_TEMPLATE, CANDOR_RUBRIC_VERSION } from './candor-rubric.js';
import { parseJudgeOutput } from './parse-judge-output.js';

/** One completion from the judge's model (the runner supplies it, with rate limits and retries). */
export interface JudgeCompletion {
  status: ResponseStatus;
  finalText: string | null;
  statusDetail: string | null;
}

export interface LlmJudgeOptions {
  /** Stored as the judge id, e.g. "openrouter:x-ai/grok-4.1-fast". */
  judgeId: string;
  generate: (prompt: string, options: { signal?: AbortSignal }) => Promise<JudgeCompletion>;
  template?: string;
  version?: string;
}

/**
 * An LLM judge with Candor's rubric. The judge's own provider filtering it gives
 * ERROR_JUDGE_FILTERED; a reply without a readable label gives ERROR_JUDGE_UNPARSEABLE; a
 * transport failure throws JudgeUnavailableError (nothing is stored; judge again later).
 */
export function createLlmJudge(options: LlmJudgeOptions): Judge {
  const template = options.template ?? CANDOR_RUBRIC_TEMPLATE;
  return {
    id: options.judgeId,
    version: options.version ?? CANDOR_RUBRIC_VERSION,
    promptHash: hashTemplate(template),
    source: 'llm',
    async judge(input: JudgeInput, judgeOptions = {}): Promise<JudgeVerdict> {
      const completion = await options.generate(
        buildJudgePrompt(input.question, input.response, template),
        judgeOptions,
      );
      const raw = completion.finalText ?? '';
      if (completion.status === 'moderation') {
        return {
          label: 'ERROR_JUDGE_FILTERED',
          explanation: completion.statusDetail ?? "the judge's provider filtered the request",
          rawOutput: raw || null,
        };
      }
      if (completion.status === 'success' || completion.status === 'truncation' || completion.status === 'empty') {
        const parsed = parseJudgeOutput(raw);
        if (parsed.ok) return { label: parsed.label, explanation: parsed.explanation, rawOutput: raw };
        return { label: 'ERROR_JUDGE_UNPARSEABLE', explanation: parsed.reason, rawOutput: raw };
      }
      throw new JudgeUnavailableError(
        `judge ${options.judgeId}: ${completion.status}${completion.statusDetail ? ` (${completion.statusDetail})` : ''}`,
      );
    },
  };
}
