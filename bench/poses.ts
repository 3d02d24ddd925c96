// Poses in the session record (issue 28): bytes on the wire per minute, a 10-minute session's poses
// against the 100 KB goal, and what they add to the upload path's own work (the intake: JSON parse,
// nesting and NUL checks, the schema with the poses unpacked, the engine's replay and the hash). CPU
// time in this process, median of repeated runs; the trace is a model of a trainee at a workstation
// (bench/support/pose-trace.ts), not a recording.
import { encodePoses } from '../src/engine/pose-codec';
import { UploadJobs } from '../src/server/upload-intake';
import { loadScenes } from '../scripts/check-scenes';
import { workstationTrace } from './support/pose-trace';
import { uploadTemplate } from './server-uploads';
import { median, type BenchModule, type BenchRow } from './types';

const ROUNDS = 40;

function intakeMs(body: string, scenario: Parameters<UploadJobs['score']>[1]): number {
  const jobs = new UploadJobs();
  const bytes = new TextEncoder().encode(body);
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = process.cpuUsage();
    const r = jobs.intake(bytes);
    if (!r.ok) throw new Error(`the bench upload was refused: ${JSON.stringify(r)}`);
    const scored = jobs.score(r.job, scenario, null);
    if (!scored.ok) throw new Error(`the bench upload could not be scored: ${scored.message}`);
    jobs.release(r.job);
    const d = process.cpuUsage(t0);
    times.push((d.user + d.system) / 1000);
  }
  return median(times);
}

export const poses: BenchModule = {
  name: 'poses',
  run(): BenchRow[] {
    const area = 'poses';
    const vr = encodePoses(workstationTrace(10));
    const desktop = encodePoses(workstationTrace(10).map((s) => ({ ...s, left: null, right: null })));
    const rows: BenchRow[] = [
      { area, name: 'pose bytes per minute, VR (head + 2 hands, 10 Hz)', value: Math.round(vr.length / 10), unit: 'B/min', note: 'base64 as sent; a modelled trainee (sway, turns, reaches, 1 mm jitter)' },
      { area, name: 'pose bytes per minute, desktop (head only)', value: Math.round(desktop.length / 10), unit: 'B/min' },
      { area, name: "a 10-minute VR session's poses on the wire", value: Math.round(vr.length / 1024), unit: 'KB', baseline: '< 100', note: `${workstationTrace(10).length} samples` },
    ];
    const scene = loadScenes(process.cwd()).find((l) => l.scenario && l.idealPath && !l.file.includes('_template'))!;
    const tpl = uploadTemplate({ poses: false });
    const plain = tpl.prefix + crypto.randomUUID() + tpl.suffix;
    const body = JSON.parse(plain) as { startedAt: string; endedAt: string };
    // The same log over 10 minutes, with 10 minutes of poses.
    const tenMinutes = JSON.stringify({ ...body, endedAt: new Date(Date.parse(body.startedAt) + 600_000).toISOString(), poses: { layoutHash: null, hz: 10, data: vr } });
    const without = intakeMs(plain, scene.scenario!);
    const withPoses = intakeMs(tenMinutes, scene.scenario!);
    rows.push(
      { area, name: 'upload intake + scoring, without poses', value: without, unit: 'ms CPU', note: `${tpl.events} events, ${(plain.length / 1024).toFixed(1)} KB; median of ${ROUNDS}` },
      { area, name: 'upload intake + scoring, with 10 min of VR poses', value: withPoses, unit: 'ms CPU', note: `${(tenMinutes.length / 1024).toFixed(1)} KB; the poses unpacked and checked once; +${(withPoses - without).toFixed(2)} ms per session` },
    );
    return rows;
  },
};
