import { useRef, type KeyboardEvent } from 'react';
import type { CallbackTab } from './filter-callbacks';
import offersCss from '../inbox/offers.module.css';
import tabsCss from './tabs.module.css';

export const CALLBACK_TABS: readonly { tab: CallbackTab; label: string }[] = [
  { tab: 'open', label: 'Open' },
  { tab: 'scheduled', label: 'Scheduled' },
  { tab: 'history', label: 'History' },
];

export function callbackTabId(tab: CallbackTab): string {
  return `callbacks-tab-${tab}`;
}

export const CALLBACK_PANEL_ID = 'callbacks-panel';

interface CallbackTabsProps {
  selected: CallbackTab;
  counts: Record<CallbackTab, number>;
  onSelect(tab: CallbackTab): void;
}

/** WAI-ARIA tabs: arrow keys, Home and End move between Open, Scheduled and History. */
export function CallbackTabs({ selected, counts, onSelect }: CallbackTabsProps) {
  const tabRefs = useRef<Partial<Record<CallbackTab, HTMLButtonElement | null>>>({});

  function onKeyDown(event: KeyboardEvent): void {
    const index = CALLBACK_TABS.findIndex((entry) => entry.tab === selected);
    const last = CALLBACK_TABS.length - 1;
    const next =
      event.key === 'ArrowRight' ? (index + 1) % CALLBACK_TABS.length
      : event.key === 'ArrowLeft' ? (index + last) % CALLBACK_TABS.length
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : undefined;
    const target = next === undefined ? undefined : CALLBACK_TABS[next];
    if (!target) return;
    event.preventDefault();
    onSelect(target.tab);
    tabRefs.current[target.tab]?.focus();
  }

  return (
    <div role="tablist" aria-label="Callbacks" className={tabsCss.tabs}>
      {CALLBACK_TABS.map(({ tab, label }) => (
        <button
          key={tab}
          ref={(element) => {
            tabRefs.current[tab] = element;
          }}
          type="button"
          role="tab"
          id={callbackTabId(tab)}
          className={tabsCss.tabsTab}
          aria-selected={tab === selected}
          aria-controls={CALLBACK_PANEL_ID}
          tabIndex={tab === selected ? 0 : -1}
          onClick={() => onSelect(tab)}
          onKeyDown={onKeyDown}
        >
          {label}{' '}
          <span className={offersCss.count} aria-hidden="true">
            {counts[tab]}
          </span>
        </button>
      ))}
    </div>
  );
}
