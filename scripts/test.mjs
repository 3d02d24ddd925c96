#!/usr/bin/env node
// `npm test`: every suite, one after another, with how long each took and a closing count.
// On a fresh Debian machine it installs the system packages the tests need when run as root,
// and otherwise stops at once with the exact command to run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

const root = new URL('..', import.meta.url).pathname;
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Server tests run on PostgreSQL too: TEST_DATABASE_URL, or a throwaway cluster from these binaries. */
const postgresServer = () =>
  Boolean(process.env.TEST_DATABASE_URL) ||
  (existsSync('/usr/lib/postgresql') && readdirSync('/usr/lib/postgresql').some((v) => existsSync(join('/usr/lib/postgresql', v, 'bin/initdb'))));
const onPath = (binary) => spawnSync('sh', ['-c', `command -v ${binary}`], { stdio: 'ignore' }).status === 0;
const debianPackages = [
  { name: 'chromium', present: () => existsSync(chromium) },
  { name: 'postgresql', present: postgresServer },
  // Centre-recorded voices (issue 30): the server converts what a browser records (tests/server/voices).
  { name: 'ffmpeg', present: () => onPath('ffmpeg') },
  { name: 'opus-tools', present: () => onPath('opusenc') },
];

function ensureSystemPackages() {
  const missing = debianPackages.filter((p) => !p.present()).map((p) => p.name);
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    console.error(`werkvloer tests need Debian packages that are not installed: ${missing.join(', ')}.\nRun:\n  sudo sh -c '${command}'\nthen npm test again.`);
    process.exit(1);
  }
  console.log(`installing ${missing.join(', ')} (running as root): ${command}`);
  const r = spawnSync('sh', ['-c', command], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (r.status !== 0) {
    console.error(`could not install ${missing.join(', ')}`);
    process.exit(1);
  }
}

const reportDir = mkdtempSync(join(tmpdir(), 'werkvloer-test-'));

function firstLine(text) {
  return stripVTControlCharacters(String(text ?? '')).split('\n').find((l) => l.trim() !== '')?.trim().slice(0, 300) ?? '';
}

/** Vitest writes a JSON report beside its normal output, so the closing line counts real tests. */
function vitest(name, args) {
  const report = join(reportDir, `${name}.json`);
  return {
    name,
    command: ['npx', 'vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    /** The slowest tests of this suite, from the same report: where the minutes go. */
    slowest: () => {
      if (!existsSync(report)) return [];
      const json = JSON.parse(readFileSync(report, 'utf8'));
      return (json.testResults ?? []).flatMap((file) =>
        (file.assertionResults ?? []).map((t) => ({ suite: name, file: file.name.replace(root, ''), title: t.fullName ?? t.title, seconds: (t.duration ?? 0) / 1000 })),
      );
    },
    /** Seconds per test file (its first test's start to its last test's end), from the same report. */
    files: () => {
      if (!existsSync(report)) return [];
      const json = JSON.parse(readFileSync(report, 'utf8'));
      return (json.testResults ?? []).map((file) => ({ suite: name, file: file.name.replace(root, ''), seconds: ((file.endTime ?? 0) - (file.startTime ?? 0)) / 1000 }));
    },
    /** Every failed test with the first line of its message: printed last, where a CI log's tail shows it. */
    failures: () => {
      if (!existsSync(report)) return [];
      const json = JSON.parse(readFileSync(report, 'utf8'));
      return (json.testResults ?? []).flatMap((file) => {
        const where = file.name.replace(root, '');
        const failedTests = (file.assertionResults ?? []).filter((t) => t.status === 'failed');
        if (failedTests.length === 0 && file.status === 'failed') return [{ suite: name, file: where, title: '(the file did not run)', message: firstLine(file.message) }];
        return failedTests.map((t) => ({ suite: name, file: where, title: t.fullName ?? t.title, message: firstLine((t.failureMessages ?? [])[0]) }));
      });
    },
    count: () => {
      if (!existsSync(report)) return null;
      const json = JSON.parse(readFileSync(report, 'utf8'));
      // A suite that failed before running any test (e.g. an import error) counts as one failure.
      const brokenSuites = (json.testResults ?? []).filter((r) => r.status === 'failed' && (r.assertionResults ?? []).length === 0).length;
      return { passed: json.numPassedTests, failed: json.numFailedTests + brokenSuites };
    },
  };
}

const suites = [
  { name: 'typecheck', command: ['npx', 'tsc', '--noEmit', '-p', 'tsconfig.json'] },
  { name: 'lint', command: ['npx', 'eslint', '--max-warnings=0', '.'] },
  ...(existsSync(join(root, 'scripts/check-scenes.ts')) ? [{ name: 'scenes', command: ['npx', 'tsx', 'scripts/check-scenes.ts'] }] : []),
  vitest('unit', []),
  // The one build of the run: the test build (dist/e2e, test clock included; src/state/app-clock.ts) the e2e suite serves.
  { name: 'build', command: ['npx', 'vite', 'build', '--mode', 'e2e', '--logLevel', 'warn'] },
  // Run under scripts/cpu-seconds.mjs: its closing `[cpu]` line gives the suite's CPU-seconds, Chromium
  // included — on a shared machine a steadier figure than the seconds (issue 20).
  { ...vitest('e2e', ['--config', 'tests/e2e/vitest.config.ts']), wrap: ['node', 'scripts/cpu-seconds.mjs'] },
];

ensureSystemPackages();

const only = process.argv.slice(2);
const results = [];
const started = Date.now();
for (const suite of suites) {
  if (only.length > 0 && !only.includes(suite.name)) continue;
  console.log(`\n=== ${suite.name}: ${suite.command.join(' ')}`);
  const t0 = Date.now();
  const command = [...(suite.wrap ?? []), ...suite.command];
  const r = spawnSync(command[0], command.slice(1), { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1', VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' } });
  const seconds = (Date.now() - t0) / 1000;
  const ok = r.status === 0;
  results.push({ name: suite.name, ok, seconds, count: suite.count?.() ?? null, tests: suite.slowest?.() ?? [], files: suite.files?.() ?? [], failures: suite.failures?.() ?? [] });
  console.log(`=== ${suite.name}: ${ok ? 'ok' : 'FAILED'} in ${seconds.toFixed(1)} s`);
}
rmSync(reportDir, { recursive: true, force: true });

console.log('\nsuite       result   seconds   tests');
for (const r of results) {
  const tests = r.count ? `${r.count.passed} passed, ${r.count.failed} failed` : '';
  console.log(`${r.name.padEnd(11)} ${(r.ok ? 'ok' : 'FAILED').padEnd(8)} ${r.seconds.toFixed(1).padStart(7)}   ${tests}`);
}
console.log(`total ${((Date.now() - started) / 1000).toFixed(1)} s`);
const slowest = results
  .flatMap((r) => r.tests)
  .sort((a, b) => b.seconds - a.seconds)
  .slice(0, 10);
if (slowest.length > 0) {
  console.log('\nslowest ten tests');
  for (const t of slowest) console.log(`${t.seconds.toFixed(1).padStart(7)} s  ${t.suite.padEnd(5)} ${t.file} > ${t.title}`);
}
// Every end-to-end file's seconds: what a new station adds is read here (issue 20).
const e2eFiles = results.flatMap((r) => (r.name === 'e2e' ? r.files : [])).sort((a, b) => b.seconds - a.seconds);
if (e2eFiles.length > 0) {
  console.log('\ne2e seconds per file');
  for (const f of e2eFiles) console.log(`${f.seconds.toFixed(1).padStart(7)} s  ${f.file}`);
}
const failures = results.flatMap((r) => r.failures);
if (failures.length > 0) {
  console.log('\nfailed tests');
  for (const f of failures) console.log(`${f.suite.padEnd(5)} ${f.file} > ${f.title}\n        ${f.message}`);
}
const passed = results.reduce((n, r) => n + (r.count ? r.count.passed : r.ok ? 1 : 0), 0);
const failed = results.reduce((n, r) => n + (r.count ? r.count.failed : 0) + (r.ok ? 0 : r.count?.failed ? 0 : 1), 0);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
