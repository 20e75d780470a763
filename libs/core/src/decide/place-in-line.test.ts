import {
  exampleCapabilities,
  exampleCreateCallbackRequest,
  exampleQueueConfig,
} from "@icc/protocol";
import { decideCallbackCreation } from "./decide-callback-creation";
import {
  MAX_WAITING_SINCE_AGE_MS,
  placeInLineSince,
  retryKeepsPlace,
} from "./place-in-line";
import { refusalOf } from "./refusal-of.test-support";

const NOW = Date.parse("2026-03-10T14:05:00.000Z");
const iso = (ms: number) => new Date(ms).toISOString();

function create(
  waitingSince: string | undefined,
  capabilities = exampleCapabilities(),
) {
  return decideCallbackCreation({
    request:
      waitingSince === undefined
        ? exampleCreateCallbackRequest()
        : { ...exampleCreateCallbackRequest(), waitingSince },
    identity: {
      callbackId: "cb-7",
      interactionId: "ix-7",
      number: "CB0000007",
    },
    queue: exampleQueueConfig(),
    capabilities,
    vendor: "acme",
    now: NOW,
  });
}

describe("waitingSince on creation", () => {
  it("keeps a waitingSince from the past day on the callback", () => {
    expect(create(iso(NOW - 12 * 60_000)).callback.waitingSince).toBe(
      iso(NOW - 12 * 60_000),
    );
    expect(
      create(iso(NOW - MAX_WAITING_SINCE_AGE_MS)).callback.waitingSince,
    ).toBe(iso(NOW - MAX_WAITING_SINCE_AGE_MS));
    expect(create(iso(NOW)).callback.waitingSince).toBe(iso(NOW));
  });

  it("is refused by a vendor that cannot order by it; without one the same vendor takes the request", () => {
    for (const keepsPlace of [false, undefined]) {
      const { keepsPlace: _declared, ...rest } = exampleCapabilities();
      const capabilities = keepsPlace === undefined ? rest : { ...rest, keepsPlace };
      const refusal = refusalOf(() => create(iso(NOW - 60_000), capabilities));
      expect(refusal.code).toBe("capability_unsupported");
      expect(refusal.message).toContain("(waitingSince)");
      expect(create(undefined, capabilities).callback).not.toHaveProperty(
        "waitingSince",
      );
    }
  });

  it.each([
    ["in the future", iso(NOW + 1), "Must not be in the future"],
    [
      "more than a day ago",
      iso(NOW - MAX_WAITING_SINCE_AGE_MS - 1),
      "Must be within the last 24 hours",
    ],
  ])("refuses one %s at its path", (_case, waitingSince, message) => {
    const refusal = refusalOf(() => create(waitingSince));
    expect(refusal.code).toBe("validation_failed");
    expect(refusal.issues).toEqual([
      { path: ["waitingSince"], message, code: "custom" },
    ]);
  });
});

describe("place in line", () => {
  it("counts from waitingSince when there is one, else from the request", () => {
    expect(placeInLineSince({ requestedAt: iso(NOW) })).toBe(NOW);
    expect(
      placeInLineSince({
        requestedAt: iso(NOW),
        waitingSince: iso(NOW - 5000),
      }),
    ).toBe(NOW - 5000);
  });

  it("keeps the place on a retry unless the queue says false", () => {
    expect([
      retryKeepsPlace(undefined),
      retryKeepsPlace({}),
      retryKeepsPlace({ retryKeepsPlace: true }),
      retryKeepsPlace({ retryKeepsPlace: false }),
    ]).toEqual([true, true, true, false]);
  });
});
