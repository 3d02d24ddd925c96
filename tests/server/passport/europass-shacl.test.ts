import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contexts as vcContexts } from '@digitalbazaar/credentials-context';
import jsonld from 'jsonld';
import { Parser, Store } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { describe, expect, test } from 'vitest';
import { europassDisplaySvg, europassExport, type EuropassExportInput } from '../../../src/server/passport/europass-export';

/*
 * The Europass export checked against the European Learning Model's own SHACL shapes (EDC application
 * profile, generic, with and without controlled vocabularies) and its JSON-LD context, as the European
 * Commission publishes them in github.com/european-commission-empl/European-Learning-Model (commit
 * 9d7c5d22002237c3afeb1750b7038e6fe2cdd371, ELM 3): rdf/ap/edc/edc-ap-context.jsonld,
 * rdf/ap/edc/EDC-generic-no-cv.ttl, rdf/ap/edc/EDC-generic-full.ttl, rdf/ontology/ELM.ttl.
 * Those files are the Commission's, not this project's, so they are not in the repository: the test
 * reads them from ELM_DIR, or from shared/elm beside the checkout; without them it is skipped and says so.
 */
const elmFiles = ['edc-ap-context.jsonld', 'EDC-generic-no-cv.ttl', 'EDC-generic-full.ttl', 'ELM.ttl'];
const elmDir = [process.env.ELM_DIR, join(process.cwd(), '..', 'shared', 'elm'), join(process.cwd(), 'shared', 'elm')].find((d): d is string => !!d && elmFiles.every((f) => existsSync(join(d, f))));
if (!elmDir) console.warn(`europass-shacl: ELM shapes not found (set ELM_DIR to a folder with ${elmFiles.join(', ')}); the SHACL checks are skipped`);

const ELM_CONTEXT = 'http://data.europa.eu/snb/model/context/edc-ap';
const CRED = 'https://www.w3.org/2018/credentials#';

function input(over: Partial<EuropassExportInput> = {}): EuropassExportInput {
  return {
    organisation: { id: 'org-1', name: 'Opleidingscentrum <Gent> & Co', country: 'BE' },
    subject: { pseudonym: 'K7Q2', name: 'Samira Haddad' },
    now: new Date('2026-12-07T10:00:00.000Z'),
    achievements: [
      {
        credentialId: 'c-1',
        title: { nl: 'Paneelzaag', en: 'Panel saw' },
        achievedAt: '2026-12-01T10:00:00Z',
        score: 86.4,
        passScore: 70,
        skills: [
          { uri: 'http://data.europa.eu/esco/skill/d2d9051a-10e1-41c5-9cfb-bbdc58016176', en: 'follow safety precautions in work practices', nl: null },
          { uri: 'http://data.europa.eu/esco/skill/c8665888-bf94-4ca8-accb-0b8ab1e82e09', en: 'operate table saw', nl: 'tafelzaag bedienen' },
        ],
      },
      { credentialId: 'c-2', title: { nl: 'Hygiënesluis', en: 'Hygiene airlock' }, achievedAt: '2026-12-02T09:00:00Z', score: null, passScore: 80, skills: [{ uri: 'http://data.europa.eu/esco/skill/0e21e183-e787-4f23-a240-93b416c088c2', en: 'maintain personal hygiene standards', nl: null }] },
    ],
    ...over,
  };
}

describe.skipIf(!elmDir)('the Europass export against the European Learning Model shapes', () => {
  const file = (name: string) => readFileSync(join(elmDir!, name), 'utf8');
  const elmContext = elmDir ? (JSON.parse(file('edc-ap-context.jsonld')) as object) : {};
  // Every context from a file or a package: nothing is fetched.
  const documentLoader = (url: string) => {
    const document = url === ELM_CONTEXT ? elmContext : vcContexts.get(url);
    if (!document) throw new Error(`no offline copy of the JSON-LD context ${url}`);
    return Promise.resolve({ contextUrl: null, documentUrl: url, document });
  };
  const turtle = (name: string) => new Parser().parse(file(name));
  const ontology = elmDir ? turtle('ELM.ttl') : [];
  const shapes = elmDir ? new Store([...turtle('EDC-generic-no-cv.ttl'), ...turtle('EDC-generic-full.ttl')]) : new Store();

  /** The document as RDF ("safe" mode: a property ELM's context does not define is an error, not silently dropped), and SHACL's findings on it. */
  async function check(doc: object) {
    let nquads: string;
    try {
      nquads = await jsonld.toRDF(doc, { format: 'application/n-quads', documentLoader, safe: true });
    } catch (error) {
      const dropped = (error as { details?: { event?: { details?: { property?: string } } } }).details?.event?.details?.property;
      throw new Error(dropped ? `JSON-LD would drop ${dropped}: ELM's context does not define it` : (error as Error).message);
    }
    const data = new Store(new Parser({ format: 'N-Quads' }).parse(nquads));
    const triples = data.size;
    // The ontology's subclass statements let sh:class accept subclasses (a LearningAchievement is a Claim).
    data.addQuads(ontology);
    // EDC-generic-full imports the no-cv shapes, which are in the shapes graph already.
    const report = await new SHACLValidator(shapes, { importGraph: () => new Store() }).validate(data);
    // One line per property and constraint (a node checked by two shapes reports the same miss twice).
    const findings = [...new Set(report.results.map((r) => `${r.path?.value ?? '(node)'} ${r.sourceConstraintComponent?.value.split('#')[1] ?? ''}`))].sort();
    return { data, triples, findings };
  }

  // The two points left open for sealing: the same two the Commission's own unsigned ELM 3 example
  // (Credentials/JSON-LD Examples (ELM v3)/Sample-CertOfPart-unsigned.jsonld) leaves open.
  const leftForSealing = [`${CRED}issued MinCountConstraintComponent`, `${CRED}issuer NodeConstraintComponent`];

  test('conforms to EDC-generic-full but for the seal date and the issuer legal identifier the issuing tool adds', async () => {
    for (const variant of [input(), input({ subject: { pseudonym: 'P9', name: null } }), input({ organisation: { id: 'org-2', name: 'Leerwerkplaats Tilburg', country: 'NL' } })]) {
      const { data, triples, findings } = await check(europassExport(variant));
      expect(findings).toEqual(leftForSealing);
      expect(triples).toBeGreaterThan(100);
      // The ESCO skills are there as ELM's relatedESCOSkill links, in ESCO's skills scheme.
      const skills = data.getObjects(null, 'http://data.europa.eu/snb/model/elm/relatedESCOSkill', null).map((o) => o.value).sort();
      expect(skills).toEqual(variant.achievements.flatMap((a) => a.skills.map((s) => s.uri)).sort());
      expect(data.getSubjects('http://www.w3.org/1999/02/22-rdf-syntax-ns#type', 'http://data.europa.eu/snb/model/elm/LearningAchievement', null)).toHaveLength(variant.achievements.length);
    }
  });

  test('the shapes do catch a wrong export: without the awarding process, the country or the display image it fails by name', async () => {
    const doc = europassExport(input()) as { credentialSubject: { hasClaim: Record<string, unknown>[] }; displayParameter: { individualDisplay: { displayDetail: Record<string, unknown> }[] } };
    delete doc.credentialSubject.hasClaim[0]!.awardedBy;
    delete doc.displayParameter.individualDisplay[1]!.displayDetail.image;
    const { findings } = await check(doc);
    expect(findings).toEqual([...leftForSealing, 'http://data.europa.eu/snb/model/elm/awardedBy MinCountConstraintComponent', 'http://data.europa.eu/snb/model/elm/image MinCountConstraintComponent'].sort());
    const nowhere = await check(europassExport(input({ organisation: { id: 'org-3', name: 'Zonder land', country: null } })));
    expect(nowhere.findings).toContain('http://data.europa.eu/snb/model/elm/location MinCountConstraintComponent');
  });

  test('a property ELM does not define is an error, not dropped without a word', async () => {
    const doc = europassExport(input()) as { credentialSubject: { hasClaim: Record<string, unknown>[] } };
    doc.credentialSubject.hasClaim[0]!.relatedOccupation = [{ id: 'http://data.europa.eu/esco/occupation/05ae3e87-36ad-428f-a086-8a2ed458db3b' }];
    await expect(check(doc)).rejects.toThrow(/drop relatedOccupation/);
  });
});

describe('the Europass display page', () => {
  test('shows the learner, the issuer and each module with its date and score, in the language asked, with the text escaped', () => {
    const nl = europassDisplaySvg(input(), 'nl');
    expect(nl).toContain('Cursist: Samira Haddad');
    expect(nl).toContain('Opleidingscentrum &lt;Gent&gt; &amp; Co');
    expect(nl).toContain('Paneelzaag');
    expect(nl).toContain('2026-12-01 · score 86/100 (geslaagd vanaf 70)');
    expect(nl).not.toContain('Panel saw');
    const en = europassDisplaySvg(input({ subject: { pseudonym: 'P9', name: null } }), 'en');
    expect(en).toContain('Learner: P9');
    expect(en).toContain('Hygiene airlock');
    expect(en).toContain('2026-12-02</text>');
    // The export carries both pages, base64 as ELM's MediaObject says.
    const doc = europassExport(input()) as { displayParameter: { individualDisplay: { displayDetail: { image: { content: string } } }[] } };
    expect(doc.displayParameter.individualDisplay.map((d) => Buffer.from(d.displayDetail.image.content, 'base64').toString('utf8'))).toEqual([nl, europassDisplaySvg(input(), 'en')]);
  });
});
