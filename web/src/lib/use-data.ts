import { useEffect, useState } from 'preact/hooks';

/** Loading state of one request. */
export interface DataState<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
}

/** Runs `load` whenever `key` changes; ignores answers to superseded keys. */
export function useData<T>(key: string | null, load: () => Promise<T>): DataState<T> {
  const [state, setState] = useState<DataState<T>>({ data: null, error: null, loading: key !== null });
  useEffect(() => {
    if (key === null) {
      setState({ data: null, error: null, loading: false });
      return;
    }
    let live = true;
    setState((previous) => ({ data: previous.data, error: null, loading: true }));
    load().then(
      (data) => live && setState({ data, error: null, loading: false }),
      (error: unknown) =>
        live && setState({ data: null, error: error instanceof Error ? error.message : String(error), loading: false }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return state;
}
