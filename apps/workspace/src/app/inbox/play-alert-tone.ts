type AudioContextConstructor = new () => AudioContext;

let audioContext: AudioContext | undefined;

/**
 * A short two-note chime for a new offer. Silently does nothing where Web Audio is missing or
 * not yet allowed (browsers block audio until the page had a user gesture); the visual alert
 * and the live announcement carry the offer then.
 */
export function playAlertTone(): void {
  const scope = globalThis as { AudioContext?: AudioContextConstructor; webkitAudioContext?: AudioContextConstructor };
  const AudioContextClass = scope.AudioContext ?? scope.webkitAudioContext;
  if (AudioContextClass === undefined) return;
  try {
    audioContext ??= new AudioContextClass();
    const context = audioContext;
    if (context.state === 'suspended') void context.resume().catch(() => undefined);
    const start = context.currentTime;
    [880, 660].forEach((frequency, index) => {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      const noteStart = start + index * 0.18;
      oscillator.type = 'sine';
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, noteStart);
      gain.gain.exponentialRampToValueAtTime(0.2, noteStart + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, noteStart + 0.16);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(noteStart);
      oscillator.stop(noteStart + 0.17);
    });
  } catch {
    // Audio is a courtesy; the alert is also visual and announced.
  }
}
