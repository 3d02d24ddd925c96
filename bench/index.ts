// `npm run bench`: runs every bench module and prints one table. Other areas add their module to the
// list below; a module returns rows { area, name, value, unit, baseline?, note? }.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchModule, BenchRow } from './types';
import { bundleSize } from './bundle-size';
import { busiestFrame } from './busiest-frame';
import { engineRescore } from './engine-rescore';
import { renderFrame } from './render-frame';
import { serverUploads } from './server-uploads';
import { serverScale } from './server-scale';
import { passportSigning } from './passport-signing';
import { liveLatency } from './live-latency';
import { poses } from './poses';

const modules: BenchModule[] = [engineRescore, bundleSize, renderFrame, busiestFrame, serverUploads, serverScale, passportSigning, liveLatency, poses];

function format(v: number | null): string {
  if (v === null) return '–';
  if (Number.isInteger(v)) return v.toLocaleString('en-US');
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toPrecision(3);
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const rows: BenchRow[] = [];
  for (const m of modules) {
    if (only.length > 0 && !only.includes(m.name)) continue;
    rows.push(...(await m.run()));
  }
  const table = rows.map((r) => [r.area, r.name, format(r.value), r.unit, r.baseline ?? '', r.note ?? '']);
  const head = ['area', 'name', 'value', 'unit', 'baseline', 'note'];
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of table) console.log(line(row));
  // The same rows as JSON, per commit, so figures can be compared across commits (bench/results/).
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  const dirty = execFileSync('git', ['status', '--porcelain'], { encoding: 'utf8' }).trim() !== '';
  const record = { commit, dirty, date: new Date().toISOString(), modules: only.length > 0 ? only : modules.map((m) => m.name), rows };
  const dir = join(process.cwd(), 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  for (const name of [`${commit}${dirty ? '-dirty' : ''}.json`, 'latest.json']) writeFileSync(join(dir, name), `${JSON.stringify(record, null, 2)}\n`);
  console.log(`\nwritten: bench/results/${commit}${dirty ? '-dirty' : ''}.json and bench/results/latest.json`);
}

void main();
