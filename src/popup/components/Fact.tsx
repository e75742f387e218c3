import type { ComponentChildren } from 'preact';

/** One row of a key's facts: a term and its value, inside a `<dl class="facts">`. */
export function Fact({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
