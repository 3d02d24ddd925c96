// Poses in the session record (issue 28): bytes on the wire per minute, a 10-minute session's poses
// against the 100 KB goal, and what they add to the upload path's own work (the intake: JSON parse,
// nesting and NUL checks, the schema with the poses unpacked, the engine's replay and the hash). CPU
// time in this process, median of repeated runs; the trace is a model of a trainee at a workstation
// (bench/support/pose-trace.ts), not a recording.
import { encodePoses } from '../src/engine/pose-codec';
import { recentSamples } from '../src/engine/recent-poses';
import { livePoseHz, livePoseWindowMs, progressMessageSchema } from '../src/shared/live-progress';
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
    // Watched live in 3D: each progress message (one a second) carries the last 1.2 s at 5 Hz.
    const trace = workstationTrace(10);
    const sizes: number[] = [];
    for (let i = 50; i < trace.length; i += 10) {
      const message = progressMessageSchema.parse({
        v: 2, attemptId: crypto.randomUUID(), seq: i, scenarioId: 'wood-intro-workbench', mode: 'practice', device: 'vr-controller', language: 'nl',
        elapsedMs: trace[i]!.t, step: { id: 'start-drill', onStepMs: 1500 }, stepsDone: 1, stepsTotal: 3, mistakes: 0, violations: 0, critical: 0,
        hints: 0, stuck: false, helpAsked: 0, helpAnswered: 0, finished: null,
        poses: { hz: livePoseHz, data: encodePoses(recentSamples(trace.slice(0, i + 1), livePoseWindowMs, livePoseHz)) },
      });
      sizes.push(JSON.stringify(message).length);
    }
    const perMessage = Math.round(median(sizes));
    rows.push(
      { area, name: 'live progress message with poses (watched in 3D)', value: perMessage, unit: 'B', baseline: '< 4096 body limit, < 8000 NOTIFY', note: `VR, the last ${livePoseWindowMs} ms at ${livePoseHz} Hz; median of ${sizes.length} messages over 10 min` },
      { area, name: 'live bytes per minute while watched (one message a second)', value: Math.round((perMessage * 60) / 1024), unit: 'KB/min', note: 'only while a trainer has the live 3D view open; unwatched, a heartbeat every 5 s without poses' },
    );
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
