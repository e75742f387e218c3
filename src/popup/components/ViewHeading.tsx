import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/** The view's h2; takes focus when the view opens so keyboard and screen-reader users land on the new content. */
export function ViewHeading({ children }: { children: ComponentChildren }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h2 ref={ref} tabIndex={-1} class="view-heading">
      {children}
    </h2>
  );
}
