/** Facts about a model, independent of the route it is served through. */
export interface ModelFacts {
  /** Canonical id, e.g. "deepseek/deepseek-r1". */
  id: string;
  creator: string | null;
  family: string | null;
  /** ISO date (YYYY-MM-DD). */
  releaseDate: string | null;
  reasoning: boolean | null;
}

/** Creator of a model id of the form "creator/name"; null when there is no slash. */
export function creatorOf(modelId: string): string | null {
  const slash = modelId.indexOf('/');
  return slash > 0 ? modelId.slice(0, slash) : null;
}
