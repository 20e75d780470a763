import { CALL_SHORTCUTS } from './call-shortcuts';

/** The shortcuts, always in the bar so they can be discovered without a manual. */
export function ShortcutHint() {
  return (
    <p className="shortcut-hint">
      <span className="visually-hidden">Keyboard shortcuts: </span>
      {Object.values(CALL_SHORTCUTS).map((shortcut) => (
        <span key={shortcut.keys} className="shortcut-hint__item">
          <kbd>{shortcut.keys}</kbd> {shortcut.label.toLowerCase()}
        </span>
      ))}
    </p>
  );
}
