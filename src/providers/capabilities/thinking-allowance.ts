/**
 * Tokens set aside for thinking on top of the answer's own cap, per requested effort. Budgets
 * (Anthropic budget_tokens, Gemini 2.5 thinkingBudget) are these numbers exactly; for effort-style
 * controls (OpenAI, Anthropic adaptive, Gemini 3) they are how far the output cap is raised.
 */
export const THINKING_ALLOWANCE = { minimal: 1024, low: 2048, medium: 8192, on: 8192, high: 24_576 } as const;

export type AllowanceLevel = keyof typeof THINKING_ALLOWANCE;

/** Anthropic's floor for budget_tokens. https://platform.claude.com/docs/en/build-with-claude/extended-thinking */
export const ANTHROPIC_MIN_BUDGET = 1024;

/** OpenRouter's share of max_tokens given to thinking per effort (https://openrouter.ai/docs/use-cases/reasoning-tokens). */
export const OPENROUTER_EFFORT_RATIO = { minimal: 0.1, low: 0.2, medium: 0.5, on: 0.5, high: 0.8 } as const;
/** OpenRouter caps the derived thinking budget at this many tokens (same page). */
export const OPENROUTER_MAX_DERIVED_BUDGET = 32_000;
