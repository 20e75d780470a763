/** The workspace's keyboard shortcuts; shown next to their buttons and in `aria-keyshortcuts`. */
export const CALL_SHORTCUTS = {
  accept: { keys: 'Alt+Shift+A', code: 'KeyA', label: 'Accept the oldest offer' },
  hold: { keys: 'Alt+Shift+H', code: 'KeyH', label: 'Hold or resume the call' },
  end: { keys: 'Alt+Shift+E', code: 'KeyE', label: 'End the call' },
} as const;

export type CallShortcut = keyof typeof CALL_SHORTCUTS;

/** Which shortcut a key press is, if any (by `code`, so the keyboard layout does not matter). */
export function shortcutOf(event: Pick<KeyboardEvent, 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'code'>): CallShortcut | undefined {
  if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return undefined;
  for (const [name, shortcut] of Object.entries(CALL_SHORTCUTS)) {
    if (shortcut.code === event.code) return name as CallShortcut;
  }
  return undefined;
}
