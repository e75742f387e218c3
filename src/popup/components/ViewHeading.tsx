import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/** The first view after the page opens keeps the browser's own focus (or its autofocus field). */
let pageOpened = false;

/**
 * The view's h2; takes focus when the user navigates to another view, so keyboard and screen-reader users land on
 * the new content.
 */
export function ViewHeading({ children }: { children: ComponentChildren }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (pageOpened) ref.current?.focus();
    pageOpened = true;
  }, []);
  return (
    <h2 ref={ref} tabIndex={-1} class="view-heading">
      {children}
    </h2>
  );
}
