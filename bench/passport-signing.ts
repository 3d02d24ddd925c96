// Signing and checking a passport credential (issue 29), as the background issuer and the
// verification page do: a real Open Badges 3.0 credential of the panel saw module, eddsa-rdfc-2022.
// Signing runs off the upload path; these figures say how long a class's exams take to sign.
import { buildCredential } from '../src/server/passport/credential-builder';
import { checkCredential } from '../src/server/passport/credential-check';
import { signCredential } from '../src/server/passport/credential-proof';
import { documentLoader } from '../src/server/passport/document-loader';
import { newKeyPair, signingKeyPair } from '../src/server/passport/issuer-keys';
import { readEscoExtract, readModuleAlignment } from '../src/server/passport/module-alignment';
import { signedStatusList } from '../src/server/passport/status-list';
import { median, type BenchModule, type BenchRow } from './types';

const RUNS = 15;

export const passportSigning: BenchModule = {
  name: 'passport-signing',
  async run(): Promise<BenchRow[]> {
    const root = process.cwd();
    const alignment = readModuleAlignment(root, `${root}/scenes/wood/panel-saw`, readEscoExtract(root))!;
    const key = { serial: 1, ...(await newKeyPair()) };
    const pair = await signingKeyPair({ kind: 'did:key' }, key);
    const loader = documentLoader();
    const listUrl = 'https://centrum.example/passport/status/00000000-0000-4000-8000-000000000000';
    const now = new Date('2026-12-01T10:00:00Z');
    const list = await signedStatusList({ url: listUrl, issuer: pair.controller!, revoked: [], keyPair: pair, loader, now });
    const verifyLoader = documentLoader({ other: async (url) => (url === listUrl ? list : null) });
    const steps = Array.from({ length: 18 }, (_, i) => `Stap ${i + 1}`);
    const signTimes: number[] = [];
    const checkTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const unsigned = buildCredential({
        id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        issuer: { id: pair.controller!, name: 'Centrum' },
        module: { id: 'wood-panel-saw', version: 2, passScore: 75, nl: { title: 'Formaatzaag', steps, rules: steps.slice(0, 11) }, en: { title: 'Panel saw', steps, rules: steps.slice(0, 11) }, alignment },
        subject: { pseudonym: 'K7MX-4Q' },
        result: { score: 88, competencies: { safety: 100, numeracy: 50, quality: 100, language: 100, 'problem-solving': 100, procedure: 90 } },
        achievedAt: now,
        issuedAt: now,
        status: { listUrl, index: i },
      });
      let t0 = performance.now();
      const signed = await signCredential(unsigned, pair, loader, now);
      signTimes.push(performance.now() - t0);
      t0 = performance.now();
      const check = await checkCredential(signed, verifyLoader, now);
      checkTimes.push(performance.now() - t0);
      if (check.verdict !== 'valid') throw new Error(`bench credential does not verify: ${check.verdict}`);
    }
    return [
      { area: 'passport', name: 'sign one credential (median)', value: median(signTimes), unit: 'ms', note: `${RUNS} runs; background issuer, never on the upload` },
      { area: 'passport', name: 'check one credential with its status list (median)', value: median(checkTimes), unit: 'ms', note: 'the verification page: signature, status list signature, expiry' },
    ];
  },
};
