import { useEffect, useRef, type ReactNode } from 'react';
import shellCss from '../shell/workspace-shell.module.css';

/** The page's h1; it takes focus when the page opens so keyboard and screen-reader users land on it. */
export function PageHeading({ children }: { children: ReactNode }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <h1 ref={headingRef} tabIndex={-1} className={shellCss.pageHeading}>
      {children}
    </h1>
  );
}
