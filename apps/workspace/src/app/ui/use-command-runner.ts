import type { AgentCommand, Interaction } from '@icc/protocol';
import { useCallback, useState } from 'react';
import { describeError } from '../session/describe-error';
import { useSession } from '../session/session-context';

export type CommandStatus =
  | { kind: 'idle' }
  | { kind: 'pending'; label: string }
  | { kind: 'succeeded'; label: string }
  | { kind: 'failed'; label: string; message: string };

export interface CommandRunner {
  status: CommandStatus;
  pending: boolean;
  /** Sends the command; resolves to the new interaction view, or `undefined` when it failed. */
  run(command: AgentCommand, label: string): Promise<Interaction | undefined>;
}

/** Sends agent commands through the session and keeps the last outcome for display. */
export function useCommandRunner(): CommandRunner {
  const session = useSession();
  const [status, setStatus] = useState<CommandStatus>({ kind: 'idle' });
  const run = useCallback(
    async (command: AgentCommand, label: string) => {
      setStatus({ kind: 'pending', label });
      try {
        const interaction = await session.sendCommand(command);
        setStatus({ kind: 'succeeded', label });
        return interaction;
      } catch (error) {
        setStatus({ kind: 'failed', label, message: describeError(error) });
        return undefined;
      }
    },
    [session],
  );
  return { status, pending: status.kind === 'pending', run };
}
