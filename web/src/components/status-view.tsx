import type { DataState } from '../lib/use-data.js';

/** Loading and error lines shared by every page. */
export function StatusView<T>({ state }: { state: DataState<T> }) {
  if (state.error)
    return (
      <p class="error" role="alert">
        Could not load: {state.error}
      </p>
    );
  if (state.loading && !state.data)
    return (
      <p class="loading" aria-live="polite">
        Loading…
      </p>
    );
  return null;
}
