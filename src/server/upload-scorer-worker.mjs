// An upload-scorer thread (see upload-scorer.ts): takes uploads in from their bytes (parse and checks)
// and replays, serialises and hashes them, off the thread that answers requests. The engine is TypeScript: under `node --import tsx` (npm start, the bench)
// it loads as it is; elsewhere (vitest) tsx is registered for this thread first.
import { parentPort } from 'node:worker_threads';

async function load() {
  try {
    return await import('./upload-intake.ts');
  } catch {
    const { register } = await import('tsx/esm/api');
    register();
    // Another specifier: the failed import of the plain one stays cached.
    return import('./upload-intake.ts?with-tsx');
  }
}

const { UploadJobs } = await load();
const jobs = new UploadJobs();
/** Scenarios by content hash, sent once per thread: the engine caches its compiled form per object. */
const scenarios = new Map();

parentPort.on('message', (m) => {
  if (m.type === 'scenario') {
    scenarios.set(m.hash, m.scenario);
    return;
  }
  if (m.type === 'close') {
    parentPort.postMessage({ type: 'closed' });
    return;
  }
  try {
    let result;
    if (m.op === 'intake') result = jobs.intake(m.bytes);
    else if (m.op === 'score') result = jobs.score(m.job, scenarios.get(m.hash), m.traineeId);
    else if (m.op === 'events') result = jobs.events(m.job);
    else if (m.op === 'release') result = jobs.release(m.job);
    else throw new Error(`unknown operation ${String(m.op)}`);
    parentPort.postMessage({ id: m.id, result });
  } catch (error) {
    parentPort.postMessage({ id: m.id, error: error instanceof Error ? error.message : String(error) });
  }
});
parentPort.postMessage({ type: 'ready' });
