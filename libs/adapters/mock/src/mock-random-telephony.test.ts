import { NUMBERS, QUEUES, SECOND, mockAgents, projectLog, startMock } from './__tests__/mock-harness';

/**
 * Ten customer-first callbacks on random telephony; two agents take every offer, talk for
 * 30 s unless the customer hangs up first, and submit the wrap-up. Returns what the log says.
 */
async function randomMorning(seed: number): Promise<string[]> {
  const run = await startMock({ config: { randomTelephony: true, seed } });
  for (let n = 1; n <= 10; n++) await run.request(n, { queueId: QUEUES.customerFirst });
  for (let step = 0; step < 240; step++) {
    run.clock.advance(5 * SECOND);
    for (const interaction of projectLog(run.sink.events, mockAgents()).open) {
      const agentId = interaction.agentId;
      if (agentId === undefined) continue;
      const interactionId = interaction.id;
      if (interaction.state === 'offered') await run.adapter.execute(agentId, { type: 'accept', interactionId });
      else if (interaction.state === 'connected' && run.clock.now() - Date.parse(interaction.connectedAt ?? '') >= 30 * SECOND) {
        await run.adapter.execute(agentId, { type: 'end-call', interactionId });
      } else if (interaction.state === 'wrap-up') {
        await run.adapter.execute(agentId, { type: 'submit-wrap-up', interactionId, wrapUp: { reason: 'resolved', notes: '' } });
      }
    }
  }
  await run.adapter.stop();
  expect(run.clock.pendingTimers()).toBe(0);
  return run.sink.events.map((event) =>
    [event.seq, event.at, event.type, 'interactionId' in event ? event.interactionId : event.agentId, 'failure' in event ? event.failure : ''].join(' '),
  );
}

describe('mock adapter: seeded random telephony', () => {
  it('replays the same day for the same seed', async () => {
    const first = await randomMorning(7);
    expect(await randomMorning(7)).toEqual(first);
    expect(first.some((line) => line.includes('interaction.customer-answered'))).toBe(true);
    expect(first.some((line) => line.includes('interaction.dial-failed'))).toBe(true);
  });

  it('gives other days for other seeds', async () => {
    const days = await Promise.all([1, 2, 3].map((seed) => randomMorning(seed)));
    const reference = await randomMorning(7);
    expect(days.every((day) => JSON.stringify(day) === JSON.stringify(reference))).toBe(false);
  });

  it('uses a number’s own behaviour over the random one', async () => {
    const run = await startMock({
      config: { randomTelephony: true, seed: 7 },
      beforeStart: (adapter) => adapter.telephony.setBehaviour(NUMBERS.first, { kind: 'busy', afterSeconds: 1 }),
    });
    await run.request(1, { queueId: QUEUES.customerFirst });
    run.clock.advance(SECOND);
    // The reserved agent's presence follows: Busy while dialing, Available again after the failed attempt.
    expect(run.sink.events.at(-3)).toMatchObject({ type: 'interaction.dial-failed', failure: 'busy' });
    expect(run.sink.events.at(-1)).toMatchObject({ type: 'agent.presence-changed', presence: 'available', previous: 'busy' });
    await run.adapter.stop();
  });
});
