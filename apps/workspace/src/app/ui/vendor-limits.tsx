import { unsupportedReason } from '@icc/core';
import type { AgentCommandType } from '@icc/protocol';
import { useId, type ButtonHTMLAttributes, type ReactNode } from 'react';
import { useWorkspaceState } from '../session/use-workspace-state';
import controlsCss from './controls.module.css';

/** A control the vendor cannot do: why, and the id of the element saying so. */
export interface VendorLimit {
  reason: string;
  id: string;
}

/**
 * The vendor's reasons for the controls it does not support (`AdapterCapabilities.reasons`), and
 * the notes that state them. Commands sharing a reason share one note.
 */
export function useVendorLimits(controls: ReadonlyArray<readonly [AgentCommandType, string]>): {
  limitOf(command: AgentCommandType): VendorLimit | undefined;
  notes: ReactNode;
} {
  const { capabilities } = useWorkspaceState();
  const baseId = useId();
  const byReason = new Map<string, { id: string; labels: string[] }>();
  const limits = new Map<AgentCommandType, VendorLimit>();
  for (const [command, label] of controls) {
    const reason = capabilities && unsupportedReason(command, capabilities);
    if (!reason) continue;
    let note = byReason.get(reason);
    if (!note) {
      note = { id: `${baseId}-limit-${byReason.size}`, labels: [] };
      byReason.set(reason, note);
    }
    if (!note.labels.includes(label)) note.labels.push(label);
    limits.set(command, { reason, id: note.id });
  }
  const notes =
    byReason.size === 0 ? null : (
      <ul className={controlsCss.vendorLimits} aria-label="Not available with this contact-centre platform">
        {[...byReason.entries()].map(([reason, note]) => (
          <li key={note.id} id={note.id}>
            <strong>{note.labels.join(', ')}:</strong> {reason}
          </li>
        ))}
      </ul>
    );
  return { limitOf: (command) => limits.get(command), notes };
}

interface ControlButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'> {
  /** When set, the button stays focusable but does nothing, and its description says why. */
  limit?: VendorLimit | undefined;
}

/**
 * A button a vendor may not support: greyed with `aria-disabled` (not `disabled`, which would take
 * it out of the tab order), described by the vendor's reason so keyboard and screen-reader users learn it.
 */
export function ControlButton({ limit, disabled, onClick, ...rest }: ControlButtonProps) {
  if (limit) {
    const describedBy = [rest['aria-describedby'], limit.id].filter(Boolean).join(' ');
    return <button {...rest} type="button" aria-disabled="true" aria-describedby={describedBy} title={limit.reason} />;
  }
  return <button {...rest} type="button" disabled={disabled} onClick={onClick} />;
}
