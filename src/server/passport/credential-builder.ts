import type { ResolvedAlignment } from './module-alignment';

export const vcContextV2 = 'https://www.w3.org/ns/credentials/v2';
export const openBadgesContext = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

export const competencyNames = ['safety', 'quality', 'numeracy', 'language', 'problem-solving', 'procedure'] as const;
export type CompetencyName = (typeof competencyNames)[number];

/** A module's texts in one language: what the credential's criteria say it checks. */
export interface ModuleTexts {
  title: string;
  steps: string[];
  rules: string[];
}

export interface CredentialInput {
  /** The credential's own id (urn:uuid:…). */
  id: string;
  issuer: { id: string; name: string; url?: string | null };
  module: { id: string; version: number; passScore: number; nl: ModuleTexts; en: ModuleTexts; alignment: ResolvedAlignment };
  subject: { pseudonym: string; name?: string | null };
  result: { score: number; competencies: Partial<Record<CompetencyName, number | null>> };
  /** When the module was mastered (the exam's end), and when the credential was issued. */
  achievedAt: Date;
  issuedAt: Date;
  status: { listUrl: string; index: number };
}

function addMonths(date: Date, months: number): Date {
  const out = new Date(date.getTime());
  out.setUTCMonth(out.getUTCMonth() + months);
  return out;
}

/** ISO 8601 to the second: what the VC data model's dateTimeStamp needs, without noise. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function criteria(texts: ModuleTexts, heading: { steps: string; rules: string }): string {
  return [`## ${texts.title}`, `### ${heading.steps}`, ...texts.steps.map((s) => `- ${s}`), `### ${heading.rules}`, ...texts.rules.map((r) => `- ${r}`)].join('\n');
}

/** The expiry a module asks for (validForMonths), counted from when it was mastered; null: none. */
export function validUntilOf(alignment: ResolvedAlignment, achievedAt: Date): Date | null {
  return alignment.validForMonths ? addMonths(achievedAt, alignment.validForMonths) : null;
}

/**
 * An unsigned Open Badges 3.0 credential (a W3C VC 2.0) for one mastered module: the achievement is
 * the module with its criteria (the steps and safety rules it checks, in Dutch and English), the
 * result carries the score and the competency sub-scores, the alignments point to ESCO. Pure: the
 * same input gives the same document.
 */
export function buildCredential(input: CredentialInput): Record<string, unknown> {
  const { module, alignment } = { module: input.module, alignment: input.module.alignment };
  const achievementId = `urn:werkvloer:module:${module.id}`;
  const scoreId = `${achievementId}#score`;
  const competencies = competencyNames.filter((c) => typeof input.result.competencies[c] === 'number');
  const validUntil = validUntilOf(alignment, input.achievedAt);
  const identifiers: Record<string, unknown>[] = [{ type: 'IdentityObject', identityType: 'identifier', hashed: false, identityHash: input.subject.pseudonym }];
  if (input.subject.name) identifiers.push({ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: input.subject.name });
  return {
    '@context': [vcContextV2, openBadgesContext],
    id: input.id,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: module.nl.title,
    issuer: { id: input.issuer.id, type: ['Profile'], name: input.issuer.name, ...(input.issuer.url ? { url: input.issuer.url } : {}) },
    validFrom: isoSeconds(input.issuedAt),
    ...(validUntil ? { validUntil: isoSeconds(validUntil) } : {}),
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: identifiers,
      activityEndDate: isoSeconds(input.achievedAt),
      achievement: {
        id: achievementId,
        type: ['Achievement'],
        achievementType: 'Competency',
        name: module.nl.title,
        description: `${module.nl.title} / ${module.en.title}. Geoefend en geëxamineerd in een VR-simulatie van de werkplek (werkvloer, module ${module.id} v${module.version}). / Practised and examined in a VR simulation of the workplace.`,
        inLanguage: 'nl',
        criteria: {
          narrative: `${criteria(module.nl, { steps: 'Stappen', rules: 'Veiligheidsregels' })}\n\n${criteria(module.en, { steps: 'Steps', rules: 'Safety rules' })}\n\nGeslaagd vanaf / passed from ${module.passScore}/100, zonder kritieke fout / with no critical error.`,
        },
        alignment: [
          ...alignment.occupations.map((c) => ({ type: ['Alignment'], targetType: 'ext:ESCOOccupation', targetFramework: 'ESCO', targetName: c.labels.nl ?? c.labels.en, targetDescription: c.labels.en, targetUrl: c.uri, ...(c.isco ? { targetCode: `ISCO-08 ${c.isco}` } : {}) })),
          ...alignment.skills.map((c) => ({ type: ['Alignment'], targetType: 'ext:ESCOSkill', targetFramework: 'ESCO', targetName: c.labels.nl ?? c.labels.en, targetDescription: c.labels.en, targetUrl: c.uri })),
          ...alignment.qualifications.map((q) => ({ type: ['Alignment'], targetType: 'ceterms:Credential', targetFramework: q.framework, targetName: q.name, targetUrl: q.url })),
        ],
        resultDescription: [
          { id: scoreId, type: ['ResultDescription'], name: 'Score', resultType: 'Percent', valueMin: '0', valueMax: '100', requiredValue: String(module.passScore) },
          ...competencies.map((c) => ({ id: `${achievementId}#${c}`, type: ['ResultDescription'], name: c, resultType: 'Percent', valueMin: '0', valueMax: '100' })),
        ],
      },
      result: [
        { type: ['Result'], resultDescription: scoreId, value: String(Math.round(input.result.score)) },
        ...competencies.map((c) => ({ type: ['Result'], resultDescription: `${achievementId}#${c}`, value: String(Math.round(input.result.competencies[c]!)) })),
      ],
    },
    credentialStatus: {
      id: `${input.status.listUrl}#${input.status.index}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(input.status.index),
      statusListCredential: input.status.listUrl,
    },
  };
}
