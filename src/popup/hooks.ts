import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export type Async<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'ok'; readonly value: T }
  | { readonly state: 'error'; readonly error: unknown };

/** Loads once per `deps` change; `reload` loads again, `set` replaces the value with a newer answer. */
export function useAsync<T>(
  load: () => Promise<T>,
  deps: readonly unknown[],
): { data: Async<T>; reload: () => void; set: (value: T) => void } {
  const [data, setData] = useState<Async<T>>({ state: 'loading' });
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    let live = true;
    loadRef.current().then(
      (value) => live && setData({ state: 'ok', value }),
      (error: unknown) => live && setData({ state: 'error', error }),
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  const set = useCallback((value: T) => setData({ state: 'ok', value }), []);
  return { data, reload, set };
}

/** A unique id per component instance, for label/for and aria-describedby pairs. */
let counter = 0;
export function useId(prefix: string): string {
  const ref = useRef<string | null>(null);
  if (ref.current === null) ref.current = `${prefix}-${++counter}`;
  return ref.current;
}
