import { CandorError } from './candor-error.js';

/** Where in an input file a problem was found. */
export interface InputLocation {
  file: string;
  line?: number;
  field?: string;
}

export function formatLocation(location: InputLocation): string {
  let text = location.file;
  if (location.line !== undefined) text += `:${location.line}`;
  if (location.field !== undefined) text += ` field "${location.field}"`;
  return text;
}

/** Bad user input (a file, a row, a field). The message starts with where. */
export class InputError extends CandorError {
  readonly location: InputLocation;
  readonly problem: string;

  constructor(location: InputLocation, problem: string, options?: { cause?: unknown }) {
    super('input_invalid', `${formatLocation(location)}: ${problem}`, options);
    this.location = location;
    this.problem = problem;
  }
}
