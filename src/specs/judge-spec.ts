/**
 * Judge specs (`--judge`, judge items on the queue): embedded, stored:<judge>, <provider:model> (an LLM
 * judge), cascade:embedded><judge>, ensemble:<a>+<b>. One resolver for the CLI and the workers.
 */
import { isJudgmentLabel, UsageError, type VerdictLabel } from '../core/index.js';
import { createCascade } from '../judge/cascade/index.js';
import { createEmbeddedJudge } from '../judge/embedded/index.js';
import {
  createEnsembleJudge,
  createStoredJudge,
  JudgeAbstainedError,
  JudgeUnavailableError,
  type Judge,
  type JudgeInput,
  type JudgeVerdict,
} from '../judge/index.js';
import { createProviderModel } from '../providers/index.js';
import {
  createModelJudge,
  createRateLimiter,
  judgeRequest,
  rateLimitKey,
  type JudgeModelSettings,
  type RateLimiter,
} from '../runner/index.js';
import type { CandorStore } from '../store/index.js';
import type { CandorConfig } from './candor-config.js';
import type { SpecIo } from './model-spec.js';

export interface ResolvedJudge {
  judge: Judge;
  /** Cascades: how many rows went to the expensive tier so far. */
  expensiveCounts?: () => { total: number; expensive: number; expensive_fraction: number };
}

export interface ResolveJudgeContext {
  store: CandorStore | null;
  io: SpecIo;
  config: CandorConfig;
  rpm?: number | null;
  threshold?: number;
  /** `embedded`: leave rows whose calibrated confidence is below this unlabelled (they need a judge). */
  abstainBelow?: number;
  /**
   * Distributed judging: the limiter shared by every worker for an LLM judge's provider key (see
   * rateLimitKey), or undefined to fall back to the local --rpm / config limit.
   */
  sharedLimiter?: (key: string) => Promise<RateLimiter | undefined>;
}

function describeProbabilities(probabilities: Record<VerdictLabel, number>): string {
  return Object.entries(probabilities)
    .map(([label, probability]) => `${label} ${(probability * 100).toFixed(1)}%`)
    .join(', ');
}

/**
 * The offline embedded judge as a Judge: label, calibrated probabilities, no network. With
 * `abstainBelow`, a verdict whose calibrated confidence is below it is not given: the response is
 * left unlabelled (JudgeAbstainedError: it needs a judge).
 */
export function createEmbeddedJudgeAdapter(options: { abstainBelow?: number } = {}): Judge {
  const embedded = createEmbeddedJudge();
  return {
    id: embedded.id,
    version: embedded.version,
    promptHash: null,
    source: 'embedded',
    async judge(input: JudgeInput): Promise<JudgeVerdict> {
      const verdict = embedded.judge({ question: input.question, response: input.response });
      if (options.abstainBelow !== undefined && verdict.confidence < options.abstainBelow) {
        throw new JudgeAbstainedError(
          `needs a judge: embedded judge confidence ${(verdict.confidence * 100).toFixed(1)}% is below ${(options.abstainBelow * 100).toFixed(1)}% (${describeProbabilities(verdict.probabilities)})`,
        );
      }
      return {
        label: verdict.label,
        explanation: `embedded judge${verdict.rule ? ` (rule: ${verdict.rule})` : ''}: ${describeProbabilities(verdict.probabilities)}`,
        rawOutput: JSON.stringify(verdict.probabilities),
        probabilities: verdict.probabilities,
      };
    },
  };
}

/**
 * embedded → expensive: the embedded judge decides when its top probability reaches `threshold`,
 * the expensive judge decides the rest; the share sent on is counted.
 */
export function createCascadeJudge(expensive: Judge, threshold: number): ResolvedJudge {
  const embedded = createEmbeddedJudge();
  const cascade = createCascade<JudgeVerdict>({
    cheap: embedded,
    // The input object passed through is the full JudgeInput (with responseId / ref for stored judges).
    // When the expensive judge cannot decide either, the row is left unlabelled: it needs a judge.
    expensive: async (input) => {
      try {
        return await expensive.judge(input as JudgeInput);
      } catch (error) {
        if (!(error instanceof JudgeUnavailableError) || error instanceof JudgeAbstainedError) throw error;
        throw new JudgeAbstainedError(
          `needs a judge: the embedded judge is unsure and ${expensive.id} could not judge (${error.message})`,
        );
      }
    },
    threshold,
  });
  return {
    judge: {
      id: `cascade:${embedded.id}>${expensive.id}@${threshold}`,
      version: `${embedded.version}+${expensive.version}`,
      promptHash: expensive.promptHash,
      source: 'cascade',
      async judge(input: JudgeInput): Promise<JudgeVerdict> {
        const verdict = await cascade.judge(input);
        if (verdict.tier === 'cheap') {
          return {
            label: verdict.label,
            explanation: `embedded judge (confident): ${describeProbabilities(verdict.cheap.probabilities)}`,
            rawOutput: JSON.stringify(verdict.cheap.probabilities),
            probabilities: verdict.cheap.probabilities,
            decidedBy: embedded.id,
          };
        }
        return { ...verdict.expensive, decidedBy: expensive.id };
      },
    },
    expensiveCounts: () => cascade.counts(),
  };
}

export const JUDGE_SPEC_HELP =
  "embedded | stored:<judge-id> | <provider:model> (an LLM judge with Candor's rubric) | cascade:<cheap>><expensive> | ensemble:<a>+<b>+<c>";

async function storedJudge(judgeId: string, store: CandorStore | null): Promise<Judge> {
  if (!store) throw new UsageError('stored:<judge> needs the store (--db)');
  const rows = await store.listLabelRows({ judge: judgeId });
  if (rows.length === 0)
    throw new UsageError(
      `stored:${judgeId}: no judgments by "${judgeId}" in the store (see \`candor report --by judge\`)`,
    );
  return createStoredJudge(
    judgeId,
    rows
      .filter((row) => isJudgmentLabel(row.label))
      .map((row) => ({
        responseId: row.responseId,
        model: row.model,
        set: row.set,
        questionId: row.questionId,
        label: row.label as never,
        judgeVersion: row.judgeVersion,
      })),
  );
}

/** Turns a --judge spec into a Judge. */
export async function resolveJudge(spec: string, context: ResolveJudgeContext): Promise<ResolvedJudge> {
  if (spec === 'embedded') return { judge: createEmbeddedJudgeAdapter({ abstainBelow: context.abstainBelow }) };
  if (spec.startsWith('stored:')) return { judge: await storedJudge(spec.slice('stored:'.length), context.store) };
  if (spec.startsWith('ensemble:')) {
    const members = spec.slice('ensemble:'.length).split('+').filter(Boolean);
    if (members.length < 2) throw new UsageError(`--judge ${spec}: an ensemble needs two or more judges joined by "+"`);
    const judges = await Promise.all(members.map(async (member) => (await resolveJudge(member, context)).judge));
    return { judge: createEnsembleJudge(judges) };
  }
  if (spec.startsWith('cascade:')) {
    const [cheap, expensive, ...rest] = spec.slice('cascade:'.length).split('>');
    if (cheap !== 'embedded' || !expensive || rest.length > 0) {
      throw new UsageError(
        `--judge ${spec}: write cascade:embedded><expensive judge>, e.g. cascade:embedded>stored:x-ai/grok-4.1-fast`,
      );
    }
    const expensiveJudge = (await resolveJudge(expensive, context)).judge;
    return createCascadeJudge(expensiveJudge, context.threshold ?? 0.9);
  }
  if (!spec.includes(':')) throw new UsageError(`--judge "${spec}": expected ${JUDGE_SPEC_HELP}`);
  // A judge's endpoint, key variable and settings come from the same config entry as a run's.
  const perModel = context.config.models[spec] ?? {};
  const model = createProviderModel(spec, {
    config: context.config.provider,
    env: context.io.env,
    ...(perModel.baseURL ? { baseURL: perModel.baseURL } : {}),
    ...(perModel.apiKeyEnv ? { apiKeyEnv: perModel.apiKeyEnv } : {}),
  });
  const settings: JudgeModelSettings = {
    ...(perModel.maxTokens !== undefined ? { maxTokens: perModel.maxTokens } : {}),
    ...(perModel.temperature !== undefined ? { temperature: perModel.temperature } : {}),
    ...(perModel.reasoning !== undefined ? { reasoning: perModel.reasoning } : {}),
    ...(perModel.extraBody !== undefined ? { extraBody: perModel.extraBody } : {}),
  };
  for (const note of judgeRequest(model, settings).plan?.notes ?? [])
    context.io.stderr.write(`candor: judge ${spec}: ${note}\n`);
  const rpm = context.rpm ?? context.config.rateLimits[model.provider]?.rpm ?? null;
  const shared = await context.sharedLimiter?.(
    rateLimitKey(model.provider, context.config.provider.endpoints?.[model.provider]?.baseURL ?? null),
  );
  return {
    judge: createModelJudge(model, {
      judgeId: spec,
      settings,
      limiter:
        shared ??
        (rpm
          ? createRateLimiter({
              requestsPerMinute: rpm,
              tokensPerMinute: context.config.rateLimits[model.provider]?.tpm ?? null,
            })
          : undefined),
    }),
  };
}
