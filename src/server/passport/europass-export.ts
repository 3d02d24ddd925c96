type Json = Record<string, unknown>;

export interface EuropassAchievement {
  credentialId: string;
  title: { nl: string; en: string };
  achievedAt: string;
  score: number | null;
  passScore: number;
  skills: { uri: string; en: string; nl: string | null }[];
}

export interface EuropassExportInput {
  /** `country`: where the centre is (its address's country in ELM); null when the organisation has not chosen one. */
  organisation: { id: string; name: string; country: 'BE' | 'NL' | null };
  subject: { pseudonym: string; name: string | null };
  achievements: EuropassAchievement[];
  now: Date;
}

// Controlled vocabularies of the European Learning Model, as its own ELM 3 examples and code lists
// (xsd/*/cv in the ELM repository) name them.
const eu = 'http://publications.europa.eu/resource/authority';
const concept = (id: string, scheme: string, en: string) => ({ id, type: 'Concept', inScheme: { id: scheme, type: 'ConceptScheme' }, prefLabel: { en } });
const country = (code: 'BE' | 'NL') => (code === 'BE' ? concept(`${eu}/country/BEL`, `${eu}/country`, 'Belgium') : concept(`${eu}/country/NLD`, `${eu}/country`, 'Netherlands'));
const dutch = concept(`${eu}/language/NLD`, `${eu}/language`, 'Dutch');
const english = concept(`${eu}/language/ENG`, `${eu}/language`, 'English');
const genericProfile = concept('http://data.europa.eu/snb/credential/e34929035b', 'http://data.europa.eu/snb/credential/25831c2', 'Generic');
const base64 = concept('http://data.europa.eu/snb/encoding/6146cde7dd', 'http://data.europa.eu/snb/encoding/25831c2', 'base64');
const escoSkills = { id: 'http://data.europa.eu/esco/concept-scheme/skills', type: 'ConceptScheme' };
const svgType = concept(`${eu}/file-type/SVG`, `${eu}/file-type`, 'SVG');

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The credential's page as ELM wants it shown (displayParameter → individualDisplay → image): an A4
 * SVG with the same facts as the JSON in one language. Text, not a picture of text, so it stays
 * small and needs no renderer on the server; the Europass tools draw it as they draw a scan.
 */
export function europassDisplaySvg(input: EuropassExportInput, lang: 'nl' | 'en'): string {
  const t = lang === 'nl'
    ? { heading: 'Leerresultaten uit de werkplaatssimulator', holder: 'Cursist', issuer: 'Uitgereikt door', score: (s: number, p: number) => `score ${s}/100 (geslaagd vanaf ${p})` }
    : { heading: 'Learning achievements from the workplace simulator', holder: 'Learner', issuer: 'Issued by', score: (s: number, p: number) => `score ${s}/100 (pass mark ${p})` };
  const lines: { text: string; size: number; bold?: boolean }[] = [
    { text: t.heading, size: 20, bold: true },
    { text: `${t.holder}: ${input.subject.name ?? input.subject.pseudonym}`, size: 13 },
    { text: `${t.issuer}: ${input.organisation.name}`, size: 13 },
  ];
  for (const a of input.achievements) {
    lines.push({ text: a.title[lang], size: 14, bold: true });
    lines.push({ text: `${a.achievedAt.slice(0, 10)}${a.score !== null ? ` · ${t.score(Math.round(a.score), a.passScore)}` : ''}`, size: 11 });
  }
  let y = 60;
  const body = lines
    .map((l) => {
      y += l.size * 1.9;
      return `<text x="48" y="${y.toFixed(0)}" font-size="${l.size}"${l.bold ? ' font-weight="bold"' : ''}>${xml(l.text)}</text>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="595" height="${Math.max(842, Math.ceil(y + 60))}" font-family="sans-serif" lang="${lang}"><rect width="100%" height="100%" fill="#fff"/>${body}</svg>`;
}

/**
 * The trainee's achievements in the European Learning Model (ELM 3, the model of Europass Digital
 * Credentials) as JSON-LD, unsigned: an accredited issuer loads it into its Europass issuing tool and
 * seals it there. Each mastered module is a learning achievement whose learning outcomes point to
 * the ESCO skills it trains, proven by the simulator exam with its grade. ELM 3 has no term for an
 * achievement's occupation (only an entitlement's), so the ESCO occupations stay in the Open Badges
 * credential.
 *
 * Checked against the ELM's SHACL shapes (tests/server/passport/europass-shacl.test.ts): what is left
 * open is what sealing adds, the same two points the Commission's own unsigned ELM 3 example leaves
 * open — the seal's date (`issued`) and the issuer's legal identifier, which the issuing tool holds
 * for the accredited organisation.
 */
export function europassExport(input: EuropassExportInput): Json {
  const { organisation, subject, achievements, now } = input;
  const lang = (nl: string, en: string) => ({ nl, en });
  const orgId = `urn:epass:org:werkvloer:${organisation.id}`;
  const credentialId = `urn:epass:credential:werkvloer:${organisation.id}:${subject.pseudonym}`;
  const image = (l: 'nl' | 'en', language: Json) => ({
    id: `${credentialId}:display:${l}`,
    type: 'IndividualDisplay',
    language,
    displayDetail: {
      id: `${credentialId}:display:${l}:page:1`,
      type: 'DisplayDetail',
      page: 1,
      image: { id: `${credentialId}:display:${l}:image`, type: 'MediaObject', content: Buffer.from(europassDisplaySvg(input, l), 'utf8').toString('base64'), contentEncoding: base64, contentType: svgType },
    },
  });
  return {
    // The VC context before ELM's, as ELM's own examples: without it `id` and `type` are not JSON-LD keywords and the document has no RDF at all.
    '@context': ['https://www.w3.org/2018/credentials/v1', 'http://data.europa.eu/snb/model/context/edc-ap'],
    id: credentialId,
    type: ['VerifiableCredential', 'EuropeanDigitalCredential'],
    credentialProfiles: genericProfile,
    credentialSchema: { id: 'http://data.europa.eu/snb/model/ap/edc-generic-full', type: 'ShaclValidator2017' },
    displayParameter: {
      id: `${credentialId}:display`,
      type: 'DisplayParameter',
      title: lang('Leerresultaten uit de werkplaatssimulator', 'Learning achievements from the workplace simulator'),
      primaryLanguage: dutch,
      language: [dutch, english],
      individualDisplay: [image('nl', dutch), image('en', english)],
    },
    issuer: {
      id: orgId,
      type: 'Organisation',
      legalName: { nl: organisation.name },
      ...(organisation.country ? { location: { id: `${orgId}:location`, type: 'Location', address: { id: `${orgId}:address`, type: 'Address', countryCode: country(organisation.country) } } } : {}),
    },
    validFrom: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    credentialSubject: {
      id: `urn:epass:person:werkvloer:${subject.pseudonym}`,
      type: 'Person',
      ...(subject.name ? { fullName: { nl: subject.name } } : {}),
      identifier: [{ id: `urn:epass:identifier:werkvloer:${subject.pseudonym}`, type: 'Identifier', notation: subject.pseudonym, schemeName: 'werkvloer trainee code' }],
      hasClaim: achievements.map((a) => ({
        id: `urn:epass:learningAchievement:${a.credentialId}`,
        type: 'LearningAchievement',
        title: lang(a.title.nl, a.title.en),
        awardedBy: { id: `urn:epass:awardingProcess:${a.credentialId}`, type: 'AwardingProcess', awardingBody: [{ id: orgId, type: 'Organisation' }], awardingDate: a.achievedAt },
        specifiedBy: {
          id: `urn:epass:learningAchievementSpec:${a.credentialId}`,
          type: 'LearningAchievementSpecification',
          title: lang(a.title.nl, a.title.en),
          learningOutcome: a.skills.map((s, i) => ({ id: `urn:epass:learningOutcome:${a.credentialId}:${i}`, type: 'LearningOutcome', title: s.nl ? { nl: s.nl, en: s.en } : { en: s.en }, relatedESCOSkill: [{ id: s.uri, type: 'Concept', inScheme: escoSkills, prefLabel: s.nl ? { nl: s.nl, en: s.en } : { en: s.en } }] })),
        },
        // Proven by the exam where one was scored (ELM wants a grade on an assessment); a module mastered on a learning path by practice alone has none.
        ...(a.score !== null ? { provenBy: [
          {
            id: `urn:epass:learningAssessment:${a.credentialId}`,
            type: 'LearningAssessment',
            title: lang(`Examen in de simulator: ${a.title.nl}`, `Simulator exam: ${a.title.en}`),
            awardedBy: { id: `urn:epass:awardingProcess:${a.credentialId}:exam`, type: 'AwardingProcess', awardingBody: [{ id: orgId, type: 'Organisation' }], awardingDate: a.achievedAt },
            grade: { id: `urn:epass:note:${a.credentialId}:grade`, type: 'Note', noteLiteral: { nl: `${Math.round(a.score)}/100 (geslaagd vanaf ${a.passScore})`, en: `${Math.round(a.score)}/100 (pass mark ${a.passScore})` } },
          },
        ] } : {}),
      })),
    },
  };
}
