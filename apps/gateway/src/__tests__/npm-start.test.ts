import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { exampleCustomer } from "@icc/protocol";
import { join } from "node:path";
import { REPO_ROOT } from "./gateway-process";

jest.setTimeout(120_000);

interface StartRun {
  child: ChildProcess;
  url: Promise<string>;
  closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
}

/** `npm start`'s script as a terminal runs it: in its own process group, so a signal can go to the whole group like Ctrl+C does. */
function startRun(dataDir: string): StartRun {
  const child = spawn(
    process.execPath,
    [join(REPO_ROOT, "tools/dev/start.mjs"), "--no-workspace"],
    {
      cwd: REPO_ROOT,
      env: {
        PATH: process.env["PATH"] ?? "",
        PORT: "0",
        ICC_DATA_DIR: dataDir,
        LOG_LEVEL: "info",
      },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    },
  );
  let output = "";
  const closed = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
  }>((resolve) =>
    child.once("close", (code, signal) => resolve({ code, signal })),
  );
  const url = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /is running at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    void closed.then(() =>
      reject(new Error(`npm start ended before it was running:\n${output}`)),
    );
  });
  return { child, url, closed, output: () => output };
}

describe("npm start (tools/dev/start.mjs)", () => {
  const dataDirs: string[] = [];
  const runs: StartRun[] = [];
  afterAll(() => {
    for (const run of runs)
      if (run.child.exitCode === null && run.child.pid)
        process.kill(-run.child.pid, "SIGKILL");
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  });

  it("runs two starts side by side from their own outputs, and drains the gateway on Ctrl+C before it returns", async () => {
    for (let index = 0; index < 2; index++) {
      const dataDir = mkdtempSync(join(tmpdir(), "icc-npm-start-"));
      dataDirs.push(dataDir);
      runs.push(startRun(dataDir));
    }
    const [first, second] = runs as [StartRun, StartRun];
    const urls = await Promise.all([first.url, second.url]);
    const runDir = (run: StartRun) =>
      /dist\/start\/run-[0-9]+-[0-9]+/.exec(run.output())?.[0] ??
      `none: the gateway did not run from a run directory (pid ${run.child.pid})`;
    for (const url of urls)
      expect((await fetch(`${url}/healthz`)).status).toBe(200);

    // A request whose body is still arriving keeps the drain busy while Ctrl+C comes a second time.
    const { hostname, port } = new URL(urls[0]);
    const body = JSON.stringify({
      queueId: "callbacks-af",
      customer: exampleCustomer(),
      reason: { code: "billing-issue" },
      shortDescription: "Sent during Ctrl+C",
    });
    const socket = connect(Number(port), hostname);
    let answer = "";
    socket.on("data", (chunk) => (answer += chunk.toString()));
    socket.write(
      `POST /v1/callbacks HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body.slice(0, 10)}`,
    );
    await sleep(200);

    // Ctrl+C, twice: the terminal signals the whole foreground process group each time.
    process.kill(-(first.child.pid ?? 0), "SIGINT");
    await sleep(300);
    process.kill(-(first.child.pid ?? 0), "SIGINT");
    await sleep(300);
    socket.end(body.slice(10));
    const ended = await first.closed;
    socket.destroy();
    // Answered (intake refuses new work while draining), not cut off.
    expect(answer).toMatch(/^HTTP\/1.1 503[\s\S]*shutting_down/);
    expect(ended).toEqual({ code: 0, signal: null });
    const lines = first.output();
    expect(lines).toContain('"msg":"shutting down"');
    expect(lines).toContain('"msg":"gateway stopped"');
    expect(lines.indexOf('"msg":"gateway stopped"')).toBeLessThan(
      lines.indexOf("The gateway stopped."),
    );
    expect(existsSync(join(REPO_ROOT, runDir(first)))).toBe(false);

    // The other start still serves, from files the first one's build and clean-up did not touch.
    expect((await fetch(`${urls[1]}/healthz`)).status).toBe(200);
    expect(runDir(second)).not.toBe(runDir(first));
    expect(existsSync(join(REPO_ROOT, runDir(second), "gateway/main.js"))).toBe(
      true,
    );
    process.kill(-(second.child.pid ?? 0), "SIGTERM");
    expect(await second.closed).toEqual({ code: 0, signal: null });
  });
});
