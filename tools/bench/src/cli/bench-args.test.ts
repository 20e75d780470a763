import { BenchArgsError, defaultReportPath, parseBenchArgs } from './bench-args';

const ids = ['intake', 'store'];

describe('parseBenchArgs', () => {
  it('defaults to a full, lenient run of everything', () => {
    expect(parseBenchArgs([], ids)).toEqual({ quick: false, strict: false, rebuildWorkspace: false, help: false });
  });

  it('reads the flags', () => {
    expect(parseBenchArgs(['--quick', '--strict', '--only=store,intake', '--out=x.json', '--rebuild-workspace'], ids)).toEqual({
      quick: true,
      strict: true,
      rebuildWorkspace: true,
      help: false,
      only: ['store', 'intake'],
      out: 'x.json',
    });
  });

  it('refuses unknown options and scenarios', () => {
    expect(() => parseBenchArgs(['--fast'], ids)).toThrow(BenchArgsError);
    expect(() => parseBenchArgs(['--only=nope'], ids)).toThrow('unknown scenario nope');
  });
});

describe('defaultReportPath', () => {
  it('keeps latest.json for complete full runs only', () => {
    expect(defaultReportPath(parseBenchArgs([], ids))).toBe('tools/bench/results/latest.json');
    expect(defaultReportPath(parseBenchArgs(['--quick'], ids))).toBe('tools/bench/results/scratch.json');
    expect(defaultReportPath(parseBenchArgs(['--only=store'], ids))).toBe('tools/bench/results/scratch.json');
  });
});
