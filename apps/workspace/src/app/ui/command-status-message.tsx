import type { CommandStatus } from './use-command-runner';
import badgesCss from './badges.module.css';

/**
 * The outcome of the last command: progress and acceptance in a polite status region, failures as
 * an alert carrying the gateway's message. "Sent" only says the vendor took the command; what it
 * led to (ringing, connected, transferred) shows in the state badge.
 */
export function CommandStatusMessage({ status }: { status: CommandStatus }) {
  return (
    <div className={badgesCss.commandStatus}>
      <p role="status" >
        {status.kind === 'pending' && `${status.label}…`}
        {status.kind === 'succeeded' && `${status.label}: sent.`}
      </p>
      {status.kind === 'failed' && (
        <p role="alert" className={badgesCss.commandStatusError}>
          {status.label} failed: {status.message}
        </p>
      )}
    </div>
  );
}
