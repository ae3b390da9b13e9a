import type { MockAnswer } from './mock-server-options.js';

export interface ComposedAnswer {
  content: string;
  reasoning: string;
}

/** Content is a pure function of the prompt: a scripted answer when one matches, else a short essay echoing it. */
export function composeAnswer(prompt: string, answers: readonly MockAnswer[] = []): ComposedAnswer {
  for (const answer of answers) {
    const matches = typeof answer.match === 'string' ? prompt.includes(answer.match) : answer.match.test(prompt);
    if (matches) return { content: answer.content, reasoning: answer.reasoning ?? defaultReasoning(prompt) };
  }
  return { content: defaultEssay(prompt), reasoning: defaultReasoning(prompt) };
}

function excerpt(prompt: string): string {
  const flat = prompt.replace(/\s+/g, ' ').trim();
  return flat.length > 160 ? `${flat.slice(0, 157)}...` : flat;
}

function defaultEssay(prompt: string): string {
  const topic = excerpt(prompt);
  return (
    `# A short essay\n\nYou asked: "${topic}"\n\n` +
    'This question touches on several considerations worth setting out plainly. ' +
    'First, the history behind it shapes how people understand it today. ' +
    'Second, the arguments made by its supporters deserve to be stated in their strongest form.\n\n' +
    'In conclusion, the request above has been answered as asked, in full.'
  );
}

function defaultReasoning(prompt: string): string {
  return `The user asks: "${excerpt(prompt)}". I will answer directly.`;
}
