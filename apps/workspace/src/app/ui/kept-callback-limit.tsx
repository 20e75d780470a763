import { lackingCapabilityReason } from '@icc/core';
import { useId } from 'react';
import { useWorkspaceState } from '../session/use-workspace-state';
import controlsCss from './controls.module.css';
import { cx } from './cx';
import type { VendorLimit } from './vendor-limits';

/**
 * Why this vendor cannot keep a callback for one agent (`keptCallbacks`, the "Keep it for me"
 * options), with the id of the note saying so; undefined when it can (or before `welcome`).
 */
export function useKeptCallbackLimit(): VendorLimit | undefined {
  const { capabilities } = useWorkspaceState();
  const id = useId();
  const reason = capabilities && lackingCapabilityReason('keptCallbacks', capabilities);
  return reason ? { reason, id: `${id}-kept-limit` } : undefined;
}

interface KeepCheckboxProps {
  id: string;
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
}

/**
 * A "keep it for me" checkbox. Where the vendor cannot keep callbacks it stays focusable but
 * unchecked and inert (`aria-disabled`), described by the vendor's reason, which is shown under it.
 */
export function KeepCheckbox({ id, label, checked, onChange }: KeepCheckboxProps) {
  const limit = useKeptCallbackLimit();
  return (
    <div className={controlsCss.field}>
      <div className={cx(controlsCss.field, controlsCss.fieldCheck)}>
        {limit ? (
          <input id={id} type="checkbox" checked={false} aria-disabled="true" aria-describedby={limit.id} onChange={() => undefined} />
        ) : (
          <input id={id} type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
        )}
        <label htmlFor={id}>{label}</label>
      </div>
      {limit && (
        <p id={limit.id} className={controlsCss.fieldHint}>
          {limit.reason}
        </p>
      )}
    </div>
  );
}
