// Summarises the V8 CPU profiles `BENCH_CPU_PROF=<dir>` leaves (one per server thread) without a GUI:
// per thread its busy time, and where it went by self time — per function, and per file or package.
//   npx tsx bench/support/cpu-profile-summary.ts <dir> [top functions, default 25] [regex of functions to show inclusive time for]
// A thread's busy time is its sampled time less "(idle)"; "(garbage collector)" is the GC the thread
// itself waited for (V8's helper threads are not sampled: the process's CPU figure includes them).
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Where a function lives, short: a package name for node_modules, the path under the repository otherwise. */
function place(url: string): string {
  if (!url) return '(native)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith('node:')) return url;
  const src = url.search(/\/(src|bench|tests)\//);
  return src >= 0 ? url.slice(src + 1) : basename(url);
}

function summarise(file: string, top: number, inclusive: RegExp | null): string {
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  // A sample's time is the delta to the next sample (as DevTools counts it).
  for (let i = 0; i < p.samples.length; i++) {
    const dt = p.timeDeltas[i + 1] ?? 0;
    self.set(p.samples[i]!, (self.get(p.samples[i]!) ?? 0) + dt);
  }
  const fn = new Map<string, number>();
  const where = new Map<string, number>();
  let idle = 0;
  let total = 0;
  for (const [id, us] of self) {
    const n = byId.get(id)!;
    const { functionName, url, lineNumber } = n.callFrame;
    total += us;
    if (functionName === '(idle)') {
      idle += us;
      continue;
    }
    const key = `${functionName || '(anonymous)'}  ${place(url)}${url ? `:${lineNumber + 1}` : ''}`;
    fn.set(key, (fn.get(key) ?? 0) + us);
    const w = functionName.startsWith('(') ? functionName : place(url);
    where.set(w, (where.get(w) ?? 0) + us);
  }
  const busy = total - idle;
  const ms = (us: number) => (us / 1000).toFixed(0).padStart(7);
  const pct = (us: number) => `${((100 * us) / Math.max(1, busy)).toFixed(1).padStart(5)}%`;
  const lines = [`== ${basename(file)}: ${(total / 1e6).toFixed(1)} s sampled, busy ${(busy / 1e6).toFixed(2)} s`];
  lines.push('  by file or package (self time):');
  for (const [k, us] of [...where].sort((a, b) => b[1] - a[1]).slice(0, 20)) lines.push(`  ${ms(us)} ms ${pct(us)}  ${k}`);
  lines.push(`  top ${top} functions (self time):`);
  for (const [k, us] of [...fn].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${ms(us)} ms ${pct(us)}  ${k}`);
  if (inclusive) {
    // Each sample counted once for every function of the pattern on its stack (recursion once).
    const parent = new Map<number, number>();
    for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const incl = new Map<string, number>();
    for (const [id, us] of self) {
      const seen = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const name = byId.get(at)!.callFrame.functionName;
        if (!inclusive.test(name) || seen.has(name)) continue;
        seen.add(name);
        incl.set(name, (incl.get(name) ?? 0) + us);
      }
    }
    lines.push('  inclusive time (self and what it called):');
    for (const [k, us] of [...incl].sort((a, b) => b[1] - a[1])) lines.push(`  ${ms(us)} ms ${pct(us)}  ${k}`);
  }
  return lines.join('\n');
}

const dir = process.argv[2];
if (!dir) throw new Error('usage: cpu-profile-summary.ts <dir with .cpuprofile files> [top]');
const top = Number(process.argv[3] ?? 25);
const inclusive = process.argv[4] ? new RegExp(process.argv[4]) : null;
for (const f of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).sort()) console.log(summarise(join(dir, f), top, inclusive));
