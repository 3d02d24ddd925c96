// An upload-scorer thread (see upload-scorer.ts): replays, serialises and hashes uploads off the thread
// that answers requests. The engine is TypeScript: under `node --import tsx` (npm start, the bench)
// it loads as it is; elsewhere (vitest) tsx is registered for this thread first.
import { parentPort } from 'node:worker_threads';

async function load() {
  try {
    return await import('./upload-scoring.ts');
  } catch {
    const { register } = await import('tsx/esm/api');
    register();
    // Another specifier: the failed import of the plain one stays cached.
    return import('./upload-scoring.ts?with-tsx');
  }
}

const { scoreUpload } = await load();
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
    parentPort.postMessage({ id: m.id, result: scoreUpload(m.text, m.fields, scenarios.get(m.hash), m.traineeId) });
  } catch (error) {
    parentPort.postMessage({ id: m.id, error: error instanceof Error ? error.message : String(error) });
  }
});
parentPort.postMessage({ type: 'ready' });
