import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

const BROWSING_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']);

/**
 * A <select> whose choice is applied when made with the mouse or touch, or confirmed with Enter
 * or by leaving the field — not on every arrow key while browsing its options (each of which
 * would otherwise load a new page).
 */
export function DeferredSelect({
  name,
  value,
  onCommit,
  children,
}: {
  name: string;
  value: string;
  onCommit: (value: string) => void;
  children: ComponentChildren;
}) {
  const [draft, setDraft] = useState(value);
  const browsing = useRef(false);
  useEffect(() => setDraft(value), [value]);
  const commit = (next: string) => {
    browsing.current = false;
    if (next !== value) onCommit(next);
  };
  return (
    <select
      name={name}
      value={draft}
      onKeyDown={(event) => {
        if (BROWSING_KEYS.has(event.key)) browsing.current = true;
        if (event.key === 'Enter') {
          event.preventDefault();
          commit(event.currentTarget.value);
        }
      }}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setDraft(next);
        if (!browsing.current) commit(next);
      }}
      onBlur={(event) => commit(event.currentTarget.value)}
    >
      {children}
    </select>
  );
}
