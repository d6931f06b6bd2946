import { describe, expect, it } from 'vitest';
import { mergeProfiles, moduleOf, selfTimes, totalTimes, type CpuProfile } from '../bench/profile-summary.js';

const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0 });

// main -> replay -> deparse (a package), and main -> (garbage collector)
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('main', 'file:///x/dist/src/cli.js'), children: [2, 4] },
    { id: 2, callFrame: frame('replay', 'file:///x/dist/src/replay/index.js'), children: [3] },
    { id: 3, callFrame: frame('deparse', 'file:///x/node_modules/@scope/deparser/main.js') },
    { id: 4, callFrame: frame('(garbage collector)', '') },
  ],
  samples: [2, 3, 3, 4],
  timeDeltas: [1000, 2000, 3000, 4000],
};

describe('profile summary', () => {
  it('names modules as packages, miglint files, node: modules or V8 pseudo-frames', () => {
    expect(moduleOf(frame('f', 'file:///a/node_modules/yargs/build/lib/usage.js'))).toBe('yargs');
    expect(moduleOf(frame('f', 'file:///a/node_modules/@squawk/x/node_modules/@nodelib/fs.walk/out/index.js'))).toBe('@nodelib/fs.walk');
    expect(moduleOf(frame('f', 'file:///a/dist/rules/duplicate-index.js'))).toBe('rules/duplicate-index.js');
    expect(moduleOf(frame('f', 'node:internal/modules/esm/loader'))).toBe('node:internal/modules');
    expect(moduleOf(frame('(idle)', ''))).toBe('(idle)');
  });

  it('sums self time by module, largest first, with shares', () => {
    expect(selfTimes(profile, moduleOf)).toEqual([
      { name: '@scope/deparser', milliseconds: 5, share: 0.5 },
      { name: '(garbage collector)', milliseconds: 4, share: 0.4 },
      { name: 'src/replay/index.js', milliseconds: 1, share: 0.1 },
    ]);
  });

  it('gives a named function the time of its callees too', () => {
    expect(totalTimes(profile, ['replay', 'main'])).toEqual([
      { name: 'replay', milliseconds: 6, share: 0.6 },
      { name: 'main', milliseconds: 10, share: 1 },
    ]);
  });

  it('merges profiles of one command by keeping their nodes apart', () => {
    const merged = mergeProfiles([profile, profile]);
    expect(totalTimes(merged, ['replay'])).toEqual([{ name: 'replay', milliseconds: 12, share: 0.6 }]);
  });
});
