import { useEffect } from 'react';

// Settles after a command's pending phase, when the controls of the new state are on screen.
const SETTLE_MS = 150;
const FOCUSABLE = 'button:not([disabled]), a[href], select:not([disabled]), input:not([disabled]), textarea:not([disabled])';

/**
 * When the control that had focus is disabled or removed by the state it caused (Call number,
 * End call, Submit & close), focus would drop to `<body>`. This moves it to the first usable
 * control the new state marks `data-next-focus` (End call once dialing), else to the first usable
 * control nearest to where it was, else to the page heading.
 */
export function useFocusRescue(): void {
  useEffect(() => {
    let last: HTMLElement | undefined;
    const ancestors: HTMLElement[] = [];

    function onFocusIn(event: FocusEvent): void {
      if (!(event.target instanceof HTMLElement) || event.target === document.body) return;
      last = event.target;
      ancestors.length = 0;
      for (let node = last.parentElement; node && node !== document.body; node = node.parentElement) ancestors.push(node);
    }

    function rescue(): void {
      const active = document.activeElement;
      if (!last || (active && active !== document.body && active.isConnected)) return;
      const lost = !last.isConnected || (last as HTMLButtonElement).disabled === true;
      if (!lost) return;
      const next = document.querySelector<HTMLElement>('main [data-next-focus]:not([disabled])');
      if (next) {
        next.focus();
        return;
      }
      for (const ancestor of ancestors) {
        if (!ancestor.isConnected) continue;
        const target = ancestor.querySelector<HTMLElement>(FOCUSABLE);
        if (target && target !== last) {
          target.focus();
          return;
        }
      }
      document.querySelector<HTMLElement>('main h1')?.focus();
    }

    document.addEventListener('focusin', onFocusIn);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new MutationObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(rescue, SETTLE_MS);
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled'] });
    return () => {
      document.removeEventListener('focusin', onFocusIn);
      observer.disconnect();
      clearTimeout(timer);
    };
  }, []);
}
