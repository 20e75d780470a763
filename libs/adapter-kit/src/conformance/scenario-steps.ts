import type { AdapterCapabilities, IccEvent, IccEventOf, Interaction, QueueConfig, RoutingMode } from '@icc/protocol';
import type { ConformanceRun, WaitOptions } from './conformance-run';

/** Fails unless `expected` appears in `actual` in this order (other entries may come between). */
export function expectInOrder(actual: readonly string[], expected: readonly string[]): void {
  let from = 0;
  for (const item of expected) {
    const found = actual.indexOf(item, from);
    if (found < 0) throw new Error(`Expected ${expected.join(' → ')} in this order, got ${actual.join(' → ')}`);
    from = found + 1;
  }
}

type BooleanCapability = Exclude<keyof AdapterCapabilities, 'modes'>;

/** Skip reason when any of `flags` is false, e.g. "capabilities.hold is false". */
export function lacks(capabilities: AdapterCapabilities, ...flags: BooleanCapability[]): string | undefined {
  const absent = flags.filter((flag) => !capabilities[flag]);
  return absent.length ? absent.map((flag) => `capabilities.${flag} is false`).join(', ') : undefined;
}

/** Skip reason when the adapter does not route callbacks in `mode`. */
export function lacksMode(capabilities: AdapterCapabilities, mode: RoutingMode): string | undefined {
  return capabilities.modes.includes(mode) ? undefined : `capabilities.modes has no ${mode}`;
}

/** Agent-first when the adapter has it (more of the contract is visible there), else customer-first. */
export function preferredMode(capabilities: AdapterCapabilities): RoutingMode {
  return capabilities.modes.includes('agent-first') ? 'agent-first' : 'customer-first';
}

export function queueFor(run: ConformanceRun, mode: RoutingMode): QueueConfig {
  return mode === 'agent-first' ? run.world.queues.manual : run.world.queues.customerFirst;
}

export function eventsOfType<Type extends IccEvent['type']>(run: ConformanceRun, interactionId: string, type: Type): IccEventOf<Type>[] {
  return run.eventsOf(interactionId).filter((event): event is IccEventOf<Type> => event.type === type);
}

/** The only event of `type` about the interaction; fails when there is none or several. */
export function onlyEvent<Type extends IccEvent['type']>(run: ConformanceRun, interactionId: string, type: Type): IccEventOf<Type> {
  const found = eventsOfType(run, interactionId, type);
  if (found.length !== 1) throw new Error(`Expected exactly one ${type} about ${interactionId}, found ${found.length}`);
  return found[0] as IccEventOf<Type>;
}

export function secondsBetween(from: { at: string } | string, to: { at: string } | string): number {
  const start = typeof from === 'string' ? from : from.at;
  const end = typeof to === 'string' ? to : to.at;
  return (Date.parse(end) - Date.parse(start)) / 1000;
}

/** The states the interaction went through, in order (an event that keeps the state adds nothing). */
export function statesVisited(run: ConformanceRun, interactionId: string): string[] {
  const states: string[] = [];
  for (const { state } of run.sink.stateHistory(interactionId)) if (states.at(-1) !== state) states.push(state);
  return states;
}

/** Agent-first: the offer reaches `agentId`, who accepts; resolves in `previewing`. */
export async function acceptOffer(
  run: ConformanceRun,
  interactionId: string,
  agentId: string,
  options?: WaitOptions,
): Promise<Interaction> {
  await run.waitFor(
    `${interactionId} to be offered to ${agentId}`,
    () => {
      const interaction = run.sink.interaction(interactionId);
      return interaction?.state === 'offered' && interaction.agentId === agentId;
    },
    options,
  );
  const agent = Object.values(run.world.agents).find((each) => each.id === agentId);
  if (!agent) throw new Error(`${agentId} is not a conformance agent`);
  await run.execute(agent, { type: 'accept', interactionId });
  return run.interaction(interactionId);
}

/**
 * A live call between Ada and the customer, by the adapter's preferred routing mode; the
 * customer's only number answers after 3 s. Resolves with the connected interaction's id.
 */
export async function connectCall(run: ConformanceRun, capabilities: AdapterCapabilities): Promise<string> {
  const { ada } = run.world.agents;
  const { primary } = run.world.phoneNumbers;
  const mode = preferredMode(capabilities);
  await run.simulator.scriptCustomer(primary, [{ kind: 'answer', afterSeconds: 3 }]);
  await run.available(ada);
  const { interactionId } = await run.request({ queue: queueFor(run, mode), phoneNumbers: [primary] });
  await acceptOffer(run, interactionId, ada.id);
  if (mode === 'agent-first') {
    await run.waitForState(interactionId, 'previewing');
    await run.execute(ada, { type: 'dial', interactionId, phoneNumber: primary });
  }
  await run.waitForState(interactionId, 'connected');
  return interactionId;
}

/** Ada ends the call and submits the wrap-up; the interaction closes as completed. */
export async function endAndWrapUp(run: ConformanceRun, interactionId: string): Promise<Interaction> {
  const { ada } = run.world.agents;
  await run.execute(ada, { type: 'end-call', interactionId });
  await run.waitForState(interactionId, 'wrap-up');
  await run.execute(ada, { type: 'submit-wrap-up', interactionId, wrapUp: { reason: 'resolved', notes: 'Router replaced.' } });
  const closed = await run.waitForState(interactionId, 'closed');
  expect(closed).toMatchObject({ outcome: 'completed', wrapUp: { reason: 'resolved' } });
  return closed;
}
