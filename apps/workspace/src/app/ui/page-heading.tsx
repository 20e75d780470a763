import { useEffect, useRef, type ReactNode } from 'react';

/** The page's h1; it takes focus when the page opens so keyboard and screen-reader users land on it. */
export function PageHeading({ children }: { children: ReactNode }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <h1 ref={headingRef} tabIndex={-1} className="page-heading">
      {children}
    </h1>
  );
}
