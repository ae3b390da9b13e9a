/** Base of every error Candor raises on purpose. `code` is stable; the message says how to fix it. */
export class CandorError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}
