import { type AgentCommand, type CommandResultFrame, type Interaction, ERROR_HTTP_STATUS } from '@icc/protocol';
import { IccApiError } from './icc-api-error';
import type { StreamTimers, TimerHandle } from './stream-timers';

export interface PendingCommand {
  id: string;
  command: AgentCommand;
  /** Written to a socket; if that socket drops, the outcome is unknown. */
  sent: boolean;
}

interface Entry extends PendingCommand {
  resolve(interaction: Interaction): void;
  reject(error: IccApiError): void;
  timer: TimerHandle;
}

/** Commands awaiting their `command.result`, each bounded by a timeout. */
export function createPendingCommands(timers: StreamTimers, timeoutMs: number) {
  const entries = new Map<string, Entry>();
  const idPrefix = Math.random().toString(36).slice(2, 8);
  let counter = 0;

  function take(id: string): Entry | undefined {
    const entry = entries.get(id);
    if (!entry) return undefined;
    entries.delete(id);
    timers.clearTimeout(entry.timer);
    return entry;
  }

  return {
    add(command: AgentCommand): { entry: PendingCommand; result: Promise<Interaction> } {
      counter += 1;
      const id = `cmd-${idPrefix}-${counter}`;
      let entry!: Entry;
      const result = new Promise<Interaction>((resolve, reject) => {
        const timer = timers.setTimeout(() => {
          take(id)?.reject(
            new IccApiError(0, {
              code: 'command_timeout',
              message: `No answer to "${command.type}" within ${timeoutMs} ms; check the connection and re-read the interaction`,
            }),
          );
        }, timeoutMs);
        entry = { id, command, sent: false, resolve, reject, timer };
      });
      entries.set(id, entry);
      return { entry, result };
    },

    unsent(): PendingCommand[] {
      return [...entries.values()].filter((entry) => !entry.sent);
    },

    /** Settles the command a `command.result` answers; unknown ids (e.g. timed out) are ignored. */
    settle(frame: CommandResultFrame): void {
      const entry = take(frame.id);
      if (!entry) return;
      if (frame.ok) entry.resolve(frame.interaction);
      else entry.reject(new IccApiError(ERROR_HTTP_STATUS[frame.error.code], frame.error));
    },

    failSent(error: IccApiError): void {
      for (const entry of [...entries.values()]) if (entry.sent) take(entry.id)?.reject(error);
    },

    failAll(error: IccApiError): void {
      for (const id of [...entries.keys()]) take(id)?.reject(error);
    },
  };
}
