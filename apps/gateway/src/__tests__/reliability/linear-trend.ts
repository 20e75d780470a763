/** Least-squares slope of `value` over `seconds`: how fast a series grows, per second. */
export function slopePerSecond(samples: ReadonlyArray<{ seconds: number; value: number }>): number {
  const count = samples.length;
  if (count < 2) return 0;
  const meanX = samples.reduce((sum, sample) => sum + sample.seconds, 0) / count;
  const meanY = samples.reduce((sum, sample) => sum + sample.value, 0) / count;
  let covariance = 0;
  let variance = 0;
  for (const sample of samples) {
    covariance += (sample.seconds - meanX) * (sample.value - meanY);
    variance += (sample.seconds - meanX) ** 2;
  }
  return variance === 0 ? 0 : covariance / variance;
}
