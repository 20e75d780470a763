import type { ConformanceScenario } from '../conformance-scenario';
import { connectCall, endAndWrapUp, lacks, onlyEvent } from '../scenario-steps';

export const holdAndResume: ConformanceScenario = {
  title: 'hold and resume a live call',
  absentFeature: (capabilities) => lacks(capabilities, 'hold'),
  async run(run, capabilities) {
    const { ada } = run.world.agents;
    const interactionId = await connectCall(run, capabilities);
    await run.execute(ada, { type: 'hold', interactionId });
    await run.waitForState(interactionId, 'on-hold');
    await run.execute(ada, { type: 'resume', interactionId });
    await run.waitForState(interactionId, 'connected');
    onlyEvent(run, interactionId, 'interaction.held');
    onlyEvent(run, interactionId, 'interaction.resumed');
    await endAndWrapUp(run, interactionId);
  },
};

export const muteAndUnmute: ConformanceScenario = {
  title: 'mute and unmute a live call',
  absentFeature: (capabilities) => lacks(capabilities, 'mute'),
  async run(run, capabilities) {
    const { ada } = run.world.agents;
    const interactionId = await connectCall(run, capabilities);
    await run.execute(ada, { type: 'mute', interactionId });
    await run.waitFor('the call to be muted', () => run.interaction(interactionId).call.muted);
    await run.execute(ada, { type: 'unmute', interactionId });
    await run.waitFor('the call to be unmuted', () => !run.interaction(interactionId).call.muted);
    expect(run.interaction(interactionId).state).toBe('connected');
    await endAndWrapUp(run, interactionId);
  },
};

export const recordStartAndStop: ConformanceScenario = {
  title: 'start and stop recording a live call',
  absentFeature: (capabilities) => lacks(capabilities, 'record'),
  async run(run, capabilities) {
    const { ada } = run.world.agents;
    const interactionId = await connectCall(run, capabilities);
    await run.execute(ada, { type: 'record-start', interactionId });
    await run.waitFor('the call to be recorded', () => run.interaction(interactionId).call.recording);
    await run.execute(ada, { type: 'record-stop', interactionId });
    await run.waitFor('the recording to stop', () => !run.interaction(interactionId).call.recording);
    await endAndWrapUp(run, interactionId);
  },
};

export const LIVE_CALL_SCENARIOS: readonly ConformanceScenario[] = [holdAndResume, muteAndUnmute, recordStartAndStop];
