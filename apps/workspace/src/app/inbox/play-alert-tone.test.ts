import { playAlertTone } from './play-alert-tone';

class FakeAudioParam {
  value = 0;
  setValueAtTime = jest.fn();
  exponentialRampToValueAtTime = jest.fn();
}

class FakeNode {
  connect<Target>(target: Target): Target {
    return target;
  }
}

class FakeOscillator extends FakeNode {
  static started: number[] = [];
  type = 'sine';
  frequency = new FakeAudioParam();
  start(): void {
    FakeOscillator.started.push(this.frequency.value);
  }
  stop = jest.fn();
}

class FakeAudioContext {
  state = 'running';
  currentTime = 0;
  destination = new FakeNode();
  createOscillator(): FakeOscillator {
    return new FakeOscillator();
  }
  createGain(): FakeNode & { gain: FakeAudioParam } {
    return Object.assign(new FakeNode(), { gain: new FakeAudioParam() });
  }
}

describe('playAlertTone', () => {
  afterEach(() => {
    delete (globalThis as { AudioContext?: unknown }).AudioContext;
  });

  it('does nothing where Web Audio is unavailable', () => {
    expect('AudioContext' in globalThis).toBe(false);
    expect(() => playAlertTone()).not.toThrow();
  });

  it('plays a two-note chime through Web Audio', () => {
    (globalThis as { AudioContext?: unknown }).AudioContext = FakeAudioContext;
    playAlertTone();
    expect(FakeOscillator.started).toEqual([880, 660]);
  });
});
