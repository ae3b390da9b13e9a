/** What translating or generating a set reports as it goes; the CLI turns these into progress lines. */
export type AuthoringEvent =
  | { type: 'start'; setName: string; total: number; alreadyDone: number; pending: number }
  /** One question (translation) or theme (generation) accepted; `attempts` counts model calls, rejected ones included. */
  | { type: 'accepted'; id: string; attempts: number }
  /** An answer failed validation and will be asked again. */
  | { type: 'rejected'; id: string; attempt: number; reason: string }
  /** Given up after every attempt; nothing stored for it. */
  | { type: 'failed'; id: string; reasons: string[] }
  | { type: 'stored'; count: number; storedSoFar: number };

/** Where a translate or generate call ended. */
export interface AuthoringSummary {
  setName: string;
  /** Questions (translation) or themes (generation) in the input. */
  total: number;
  /** Already in the target set before this call (resume). */
  alreadyDone: number;
  /** Accepted and stored by this call: questions (translation) or themes (generation). */
  stored: number;
  failed: { id: string; reasons: string[] }[];
  /** The signal aborted before every item was tried. */
  interrupted: boolean;
  /** Model calls made, rejected answers included. */
  requests: number;
  costUsd: number;
}
