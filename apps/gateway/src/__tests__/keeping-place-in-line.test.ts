import {
  exampleCustomer,
  type CreateCallbackRequestInput,
} from "@icc/protocol";
import { startTestGateway, type TestGateway } from "./test-gateway";

const NUMBERS = {
  first: "+14155550142",
  second: "+14155550143",
  third: "+14155550144",
};

function request(
  phoneNumber: string,
  overrides: Partial<CreateCallbackRequestInput> = {},
): CreateCallbackRequestInput {
  return {
    queueId: "callbacks-cf",
    customer: exampleCustomer({ phoneNumbers: [phoneNumber] }),
    reason: { code: "product-issue" },
    shortDescription: "Router keeps dropping the connection",
    ...overrides,
  };
}

describe("keeping one's place in line (mock vendor, fake clock)", () => {
  let t: TestGateway;
  beforeEach(async () => {
    t = await startTestGateway();
  });
  afterEach(async () => {
    await t.close();
  });

  it("orders by waitingSince and refuses one in the future at its path", async () => {
    const ada = await t.signIn("agent-ada");
    const first = await t.anonymous.createCallback(request(NUMBERS.first));
    await t.advance(60_000);
    const early = await t.anonymous.createCallback(
      request(NUMBERS.second, {
        waitingSince: new Date(
          Date.parse(first.callback.requestedAt) - 120_000,
        ).toISOString(),
      }),
    );
    expect(early.callback.waitingSince).toBeDefined();
    expect((await ada.getQueuePosition(early.callback.number)).position).toBe(
      1,
    );
    expect((await ada.getQueuePosition(first.callback.number)).position).toBe(
      2,
    );

    const future = await fetch(`${t.url}/v1/callbacks`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(
        request(NUMBERS.third, {
          waitingSince: new Date(
            Date.parse(early.callback.requestedAt) + 3_600_000,
          ).toISOString(),
        }),
      ),
    });
    expect(future.status).toBe(400);
    const body = (await future.json()) as {
      code: string;
      issues: Array<{ path: unknown[] }>;
    };
    expect(body.code).toBe("validation_failed");
    expect(body.issues.map((issue) => issue.path)).toEqual([["waitingSince"]]);
  });

  async function retryAfterNoAnswer(retryKeepsPlace?: boolean) {
    const ada = await t.signIn("agent-ada");
    if (retryKeepsPlace !== undefined) {
      const sam = await t.signIn("supervisor-sam");
      const queue = await sam.getQueue("callbacks-cf");
      await sam.updateQueue(
        "callbacks-cf",
        { retryKeepsPlace },
        queue.version as number,
      );
    }
    await ada.setPresence("agent-ada", "available");
    await t.setTelephonyBehaviour(NUMBERS.first, {
      kind: "no-answer",
      afterSeconds: 5,
    });
    await t.setTelephonyBehaviour(NUMBERS.second, {
      kind: "answer",
      afterSeconds: 600,
    });
    const retried = (await t.anonymous.createCallback(request(NUMBERS.first)))
      .callback;
    await t.anonymous.createCallback(request(NUMBERS.second));
    await t.advance(5_000);
    expect((await ada.getInteraction(retried.interactionId)).state).toBe(
      "retry-wait",
    );
    const later = (await t.anonymous.createCallback(request(NUMBERS.third)))
      .callback;
    await t.advance(60_000);
    expect((await ada.getInteraction(retried.interactionId)).state).toBe(
      "queued",
    );
    return { ada, retried, later };
  }

  it("puts a no-answer retry back at its original place", async () => {
    const { ada, retried, later } = await retryAfterNoAnswer();
    expect((await ada.getQueuePosition(retried.number)).position).toBe(1);
    expect((await ada.getQueuePosition(later.number)).position).toBe(2);
  });

  it("sends the retry to the end of the line when the queue sets retryKeepsPlace false", async () => {
    const { ada, retried, later } = await retryAfterNoAnswer(false);
    expect((await ada.getQueuePosition(later.number)).position).toBe(1);
    expect((await ada.getQueuePosition(retried.number)).position).toBe(2);
  });
});
