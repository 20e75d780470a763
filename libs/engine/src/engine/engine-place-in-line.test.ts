import {
  AGENTS,
  MINUTE,
  QUEUES,
  SECOND,
  createEngineHarness,
  interactionId,
  iso,
  offers,
  testQueues,
} from "./__tests__/engine-fixtures";

describe("callback engine: keeping one's place in line", () => {
  it("orders ASAP callbacks by when their customer started waiting, not by request time", () => {
    const h = createEngineHarness();
    h.request(1);
    h.advanceBy(SECOND);
    h.request(2, { waitingSince: iso(h.now() - 10 * MINUTE) });
    h.advanceBy(SECOND);
    h.request(3);
    expect(
      [1, 2, 3].map((n) => h.engine.queuePosition(`cb-${n}`, h.now()).position),
    ).toEqual([2, 1, 3]);
    expect(h.engine.interaction(interactionId(2))?.waitingSince).toBe(
      iso(h.now() - SECOND - 10 * MINUTE),
    );

    const offered = h.presence(AGENTS.ada, "available");
    expect(offers(offered)).toEqual([[interactionId(2), AGENTS.ada]]);
  });

  /** Ada dials cb-1, which is not answered; while it waits to retry she dials cb-2 and cb-3 comes in. */
  function retryAfterNoAnswer(retryKeepsPlace?: boolean) {
    const queues = testQueues().map((queue) =>
      queue.id === QUEUES.customerFirst && retryKeepsPlace !== undefined
        ? { ...queue, retryKeepsPlace }
        : queue,
    );
    const h = createEngineHarness({ queues });
    h.presence(AGENTS.ada, "available");
    h.request(1, { queueId: QUEUES.customerFirst });
    h.advanceBy(SECOND);
    h.request(2, { queueId: QUEUES.customerFirst });
    h.advanceBy(SECOND);
    h.telephony(interactionId(1), "no-answer");
    expect(h.engine.interaction(interactionId(2))?.state).toBe("dialing");
    h.advanceBy(MINUTE);
    h.request(3, { queueId: QUEUES.customerFirst });
    h.advanceBy(5 * MINUTE);
    expect(h.engine.interaction(interactionId(1))?.state).toBe("queued");
    return h;
  }

  it("puts a no-answer retry back at its original place, ahead of callbacks requested after it", () => {
    for (const h of [retryAfterNoAnswer(), retryAfterNoAnswer(true)]) {
      expect(h.engine.queuePosition("cb-1", h.now()).position).toBe(1);
      expect(h.engine.queuePosition("cb-3", h.now()).position).toBe(2);
      expect(
        h.engine.interaction(interactionId(1))?.waitingSince,
      ).toBeUndefined();
    }
  });

  it("sends a no-answer retry to the end of the line when the queue says retries lose their place", () => {
    const h = retryAfterNoAnswer(false);
    expect(h.engine.queuePosition("cb-3", h.now()).position).toBe(1);
    expect(h.engine.queuePosition("cb-1", h.now())).toEqual({
      position: 2,
      estimatedWaitSeconds: expect.any(Number),
    });
    expect(h.engine.interaction(interactionId(1))?.waitingSince).toBe(
      iso(h.now()),
    );
  });
});
