#!/usr/bin/env node
// `node scripts/cpu-seconds.mjs <command…>`: runs the command and prints the CPU-seconds (user + sys)
// it and every process under it used — the test runner, the server and Chromium's browser, GPU and
// renderer processes alike. On a shared 2-core machine wall time says more about the neighbours than
// about the tests; CPU-seconds compare one run of a test file with another (issue 20).
// Linux only: it reads /proc every 200 ms and keeps each process's last figures, so a process that
// ends between two looks loses at most its last 200 ms.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node scripts/cpu-seconds.mjs <command> [args…]');
  process.exit(2);
}
const tick = 100; // USER_HZ (getconf CLK_TCK) on Linux

/** pid → { parent, name, start, cpu } from /proc/<pid>/stat (the name may hold spaces and parentheses). */
function processes() {
  const all = new Map();
  let entries = [];
  try {
    entries = readdirSync('/proc');
  } catch {
    return all; // not Linux: the command still runs, its CPU-seconds are not known
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // ended meanwhile
    }
    const close = stat.lastIndexOf(')');
    const name = stat.slice(stat.indexOf('(') + 1, close);
    const f = stat.slice(close + 2).split(' ');
    // After the name: state(0) ppid(1) … utime(11) stime(12) … starttime(19)
    all.set(Number(entry), { parent: Number(f[1]), name, start: f[19], cpu: (Number(f[11]) + Number(f[12])) / tick });
  }
  return all;
}

const child = spawn(command, args, { stdio: 'inherit' });
// Stopped from outside: the command is stopped the same way (its own teardown closes its browser).
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
/** `${pid}/${start}` → the last CPU-seconds seen, and what kind of process it was. */
const seen = new Map();
function look() {
  const all = processes();
  const under = new Set([child.pid]);
  // Parents come before children often but not always: go round until nothing new joins.
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, p] of all) {
      if (under.has(pid) || !under.has(p.parent)) continue;
      under.add(pid);
      grew = true;
    }
  }
  for (const pid of under) {
    const p = all.get(pid);
    if (p) seen.set(`${pid}/${p.start}`, { name: p.name, cpu: p.cpu });
  }
}
const started = Date.now();
const timer = setInterval(look, 200);
look();
child.on('exit', (code, signal) => {
  clearInterval(timer);
  const byName = new Map();
  for (const { name, cpu } of seen.values()) byName.set(name, (byName.get(name) ?? 0) + cpu);
  const total = [...byName.values()].reduce((a, b) => a + b, 0);
  const parts = [...byName].sort((a, b) => b[1] - a[1]).map(([n, s]) => `${n} ${s.toFixed(1)}`);
  console.log(`[cpu] ${total.toFixed(1)} CPU-s (user+sys) in ${((Date.now() - started) / 1000).toFixed(1)} s wall; ${parts.join(', ')}`);
  process.exit(code ?? (signal ? 1 : 0));
});
