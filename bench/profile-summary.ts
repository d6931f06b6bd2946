/**
 * Self time of a `node --cpu-prof` profile, summed by module and by function, as the bench's
 * README reports it: `node dist/bench/profile-summary.js <file.cpuprofile>... [--top 25] [--total replay,runRules]`
 * (several profiles of one command are summed).
 * A module is a package (node_modules/<name>), a file of miglint (src/..., rules/...), Node's
 * own code (node:...), or V8's pseudo-frames ((garbage collector), (program), (idle)).
 * Functions named after the profile (`replay,runRules`) are also given their total time, callees
 * included: the stages of a run.
 */
import { readFileSync } from 'node:fs';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  /** Microseconds since the previous sample. */
  timeDeltas: number[];
}

export interface SelfTime {
  name: string;
  milliseconds: number;
  share: number;
}

/** The module a frame belongs to, named as a reader of the profile would look for it. */
export function moduleOf(frame: CallFrame): string {
  const url = frame.url;
  if (url === '') return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/').slice(0, 2).join('/');
  const packageAt = url.lastIndexOf('/node_modules/');
  if (packageAt !== -1) {
    const [first, second] = url.slice(packageAt + '/node_modules/'.length).split('/');
    return first!.startsWith('@') ? `${first}/${second}` : first!;
  }
  const own = url.match(/\/dist\/((?:src|rules)\/.*)$/);
  return own ? own[1]! : url;
}

/** Self time summed by the key of each sample's frame, largest first, with its share of all samples. */
export function selfTimes(profile: CpuProfile, keyOf: (frame: CallFrame) => string): SelfTime[] {
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const totals = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((id, index) => {
    const micros = profile.timeDeltas[index] ?? 0;
    const key = keyOf(frames.get(id)!);
    totals.set(key, (totals.get(key) ?? 0) + micros);
    all += micros;
  });
  return [...totals]
    .map(([name, micros]) => ({ name, milliseconds: micros / 1000, share: all === 0 ? 0 : micros / all }))
    .sort((a, b) => b.milliseconds - a.milliseconds);
}

/** Time of the samples under each named function (callees included; a recursive call counted once). */
export function totalTimes(profile: CpuProfile, names: string[]): SelfTime[] {
  const parents = new Map<number, ProfileNode>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map(names.map((name) => [name, 0]));
  let all = 0;
  profile.samples.forEach((id, index) => {
    const micros = profile.timeDeltas[index] ?? 0;
    all += micros;
    const seen = new Set<string>();
    for (let node = byId.get(id); node; node = parents.get(node.id)) {
      const name = node.callFrame.functionName;
      if (totals.has(name) && !seen.has(name)) {
        seen.add(name);
        totals.set(name, totals.get(name)! + micros);
      }
    }
  });
  return names.map((name) => ({ name, milliseconds: totals.get(name)! / 1000, share: all === 0 ? 0 : totals.get(name)! / all }));
}

const functionKey = (frame: CallFrame) => `${frame.functionName || '(anonymous)'} ${moduleOf(frame)}:${frame.lineNumber + 1}`;

function print(title: string, times: SelfTime[], top: number): void {
  process.stdout.write(`\n${title}\n`);
  for (const time of times.slice(0, top)) {
    process.stdout.write(`${time.milliseconds.toFixed(0).padStart(7)} ms ${(time.share * 100).toFixed(1).padStart(5)}%  ${time.name}\n`);
  }
}

/** Several profiles of the same command as one: their samples side by side (node ids made distinct). */
export function mergeProfiles(profiles: CpuProfile[]): CpuProfile {
  let offset = 0;
  const merged: CpuProfile = { nodes: [], samples: [], timeDeltas: [] };
  for (const profile of profiles) {
    const shift = offset;
    merged.nodes.push(...profile.nodes.map((node) => ({ ...node, id: node.id + shift, children: node.children?.map((child) => child + shift) })));
    merged.samples.push(...profile.samples.map((id) => id + shift));
    merged.timeDeltas.push(...profile.timeDeltas);
    offset += Math.max(0, ...profile.nodes.map((node) => node.id)) + 1;
  }
  return merged;
}

function main(): void {
  const argv = process.argv.slice(2);
  const option = (name: string) => {
    const at = argv.indexOf(`--${name}`);
    return at === -1 ? undefined : argv.splice(at, 2)[1];
  };
  const top = Number(option('top') ?? 25);
  const stages = option('total');
  if (argv.length === 0) {
    process.stderr.write('usage: node dist/bench/profile-summary.js <file.cpuprofile>... [--top 25] [--total function,function]\n');
    process.exitCode = 2;
    return;
  }
  const profile = mergeProfiles(argv.map((file) => JSON.parse(readFileSync(file, 'utf8')) as CpuProfile));
  const total = profile.timeDeltas.reduce((sum, micros) => sum + micros, 0) / 1000;
  process.stdout.write(`${argv.length} profile(s): ${total.toFixed(0)} ms sampled\n`);
  print('self time by module', selfTimes(profile, moduleOf), top);
  print('self time by function', selfTimes(profile, functionKey), top);
  if (stages) print('total time (callees included)', totalTimes(profile, stages.split(',')), Infinity);
}

if (process.argv[1]?.endsWith('profile-summary.js')) main();
