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

  it('takes a value after "=" or as the next argument', () => {
    expect(parseBenchArgs(['--compare', 'a.json', '--only', 'store'], ids)).toMatchObject({ compare: 'a.json', only: ['store'] });
    expect(parseBenchArgs(['--compare=a.json', '--against=b.json'], ids)).toMatchObject({ compare: 'a.json', against: 'b.json' });
  });

  it('refuses a value flag without its value, and a value on a plain flag', () => {
    expect(() => parseBenchArgs(['--compare'], ids)).toThrow('--compare needs a value');
    expect(() => parseBenchArgs(['--compare', '--quick'], ids)).toThrow('--compare needs a value');
    expect(() => parseBenchArgs(['--quick=yes'], ids)).toThrow('unknown option --quick=yes');
  });

  it('compares two files only, without run options', () => {
    expect(() => parseBenchArgs(['--against=b.json'], ids)).toThrow('give both');
    expect(() => parseBenchArgs(['--compare=a.json', '--against=b.json', '--quick'], ids)).toThrow('--quick would have no effect');
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
