import { CALL_SHORTCUTS } from './call-shortcuts';
import gvcCss from '../global-voice-control/global-voice-control.module.css';

/** The shortcuts, always in the bar so they can be discovered without a manual. */
export function ShortcutHint() {
  return (
    <p className={gvcCss.shortcutHint}>
      <span className="visually-hidden">Keyboard shortcuts: </span>
      {Object.values(CALL_SHORTCUTS).map((shortcut) => (
        <span key={shortcut.keys} >
          <kbd>{shortcut.keys}</kbd> {shortcut.label.toLowerCase()}
        </span>
      ))}
    </p>
  );
}
