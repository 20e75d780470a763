import { E164PhoneNumber, type AdapterCapabilities, type CallTransferTarget } from '@icc/protocol';
import { useId } from 'react';
import { PRESENCE_LABELS } from '../presence/presence-labels';
import { useWorkspaceState } from '../session/use-workspace-state';
import controlsCss from '../ui/controls.module.css';
import { cx } from '../ui/cx';

export type CallTransferKind = CallTransferTarget['kind'];

export interface CallTransferChoice {
  kind: CallTransferKind;
  agentId: string | undefined;
  queueId: string | undefined;
  phoneNumber: string;
}

const KIND_LABELS: Record<CallTransferKind, string> = { agent: 'Agent', queue: 'Queue', external: 'External number' };
const KIND_CAPABILITY = { queue: 'transferCallToQueue', external: 'transferCallExternal' } as const;

/** Why the vendor cannot transfer a live call to `kind`, or undefined when it can. */
export function callTransferKindLimit(kind: CallTransferKind, capabilities: AdapterCapabilities | undefined): string | undefined {
  if (kind === 'agent' || !capabilities) return undefined;
  const capability = KIND_CAPABILITY[kind];
  if (capabilities[capability] === true) return undefined;
  return capabilities.reasons?.[capability] ?? `This contact-centre platform cannot transfer a call to ${kind === 'queue' ? 'a queue' : 'an outside number'}.`;
}

/** The number's problem in words, or undefined when it is a valid E.164 number (or still empty). */
export function phoneNumberProblem(phoneNumber: string): string | undefined {
  if (phoneNumber.trim() === '') return undefined;
  const parsed = E164PhoneNumber.safeParse(phoneNumber.trim());
  return parsed.success ? undefined : (parsed.error.issues[0]?.message ?? 'Not a valid phone number');
}

/** The target the choice names, or undefined while it is incomplete or invalid. */
export function callTransferTargetOfChoice(choice: CallTransferChoice): CallTransferTarget | undefined {
  if (choice.kind === 'agent') return choice.agentId ? { kind: 'agent', agentId: choice.agentId } : undefined;
  if (choice.kind === 'queue') return choice.queueId ? { kind: 'queue', queueId: choice.queueId } : undefined;
  const phoneNumber = choice.phoneNumber.trim();
  return phoneNumber !== '' && phoneNumberProblem(phoneNumber) === undefined ? { kind: 'external', phoneNumber } : undefined;
}

interface CallTransferTargetFieldsProps {
  choice: CallTransferChoice;
  disabled: boolean;
  onChange(choice: CallTransferChoice): void;
}

/** Where the live call goes: an agent, a queue (the customer waits there) or an outside number. */
export function CallTransferTargetFields({ choice, disabled, onChange }: CallTransferTargetFieldsProps) {
  const { me, agents, queues, capabilities } = useWorkspaceState();
  const id = useId();
  const agentChoices = agents.filter((agent) => agent.id !== me.id && agent.role === 'agent');
  const problem = choice.kind === 'external' ? phoneNumberProblem(choice.phoneNumber) : undefined;
  const set = (change: Partial<CallTransferChoice>) => onChange({ ...choice, ...change });

  return (
    <>
      <fieldset className={controlsCss.choiceGroup} disabled={disabled}>
        <legend>Transfer to</legend>
        {(Object.keys(KIND_LABELS) as CallTransferKind[]).map((kind) => {
          const limit = callTransferKindLimit(kind, capabilities);
          return (
            <label key={kind} className={controlsCss.choice} title={limit}>
              <input
                type="radio"
                name={`${id}-kind`}
                checked={choice.kind === kind}
                aria-disabled={limit ? true : undefined}
                aria-describedby={limit ? `${id}-${kind}-limit` : undefined}
                onChange={() => !limit && set({ kind })}
              />
              {KIND_LABELS[kind]}
              {limit ? (
                <span id={`${id}-${kind}-limit`} className="visually-hidden">
                  {limit}
                </span>
              ) : null}
            </label>
          );
        })}
      </fieldset>
      {choice.kind === 'agent' ? (
        <div className={cx(controlsCss.field, controlsCss.fieldInline)}>
          <label htmlFor={`${id}-agent`}>Transfer to agent</label>
          <select id={`${id}-agent`} value={choice.agentId ?? ''} disabled={disabled} onChange={(event) => set({ agentId: event.target.value })}>
            {agentChoices.map((agent) => (
              <option key={agent.id} value={agent.id}>
                {agent.displayName} ({PRESENCE_LABELS[agent.presence]})
              </option>
            ))}
          </select>
        </div>
      ) : choice.kind === 'queue' ? (
        <div className={cx(controlsCss.field, controlsCss.fieldInline)}>
          <label htmlFor={`${id}-queue`}>Transfer to queue</label>
          <select id={`${id}-queue`} value={choice.queueId ?? ''} disabled={disabled} onChange={(event) => set({ queueId: event.target.value })}>
            {queues.map((queue) => (
              <option key={queue.id} value={queue.id}>
                {queue.name}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <div className={cx(controlsCss.field, controlsCss.fieldInline)}>
          <label htmlFor={`${id}-number`}>Outside number</label>
          <input
            id={`${id}-number`}
            type="tel"
            inputMode="tel"
            placeholder="+14155550123"
            value={choice.phoneNumber}
            disabled={disabled}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-number-problem` : undefined}
            onChange={(event) => set({ phoneNumber: event.target.value })}
          />
          {problem ? (
            <p id={`${id}-number-problem`} role="alert" className={controlsCss.fieldError}>
              {problem}
            </p>
          ) : null}
        </div>
      )}
    </>
  );
}

/** An agent who is not offline first (Available before the rest): a transfer to someone Offline would only bounce. */
export function defaultTransferAgentId(agents: ReadonlyArray<{ id: string; presence: string }>): string | undefined {
  return (agents.find((agent) => agent.presence === 'available') ?? agents.find((agent) => agent.presence !== 'offline') ?? agents[0])?.id;
}
