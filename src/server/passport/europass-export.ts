type Json = Record<string, unknown>;

export interface EuropassAchievement {
  credentialId: string;
  title: { nl: string; en: string };
  achievedAt: string;
  score: number | null;
  passScore: number;
  occupations: string[];
  skills: { uri: string; en: string; nl: string | null }[];
}

/**
 * The trainee's achievements in the European Learning Model (ELM 3, the model of Europass Digital
 * Credentials) as JSON-LD, unsigned: an accredited issuer loads it into its Europass issuing tool and
 * seals it there. Each mastered module is a learning achievement whose learning outcomes point to
 * the ESCO skills it trains, proven by the simulator exam with its grade.
 */
export function europassExport(opts: { organisation: { id: string; name: string }; subject: { pseudonym: string; name: string | null }; achievements: EuropassAchievement[]; now: Date }): Json {
  const lang = (nl: string, en: string) => ({ nl, en });
  return {
    '@context': 'http://data.europa.eu/snb/model/context/edc-ap',
    id: `urn:epass:credential:werkvloer:${opts.organisation.id}:${opts.subject.pseudonym}`,
    type: ['VerifiableCredential', 'EuropeanDigitalCredential'],
    issuer: { id: `urn:epass:org:werkvloer:${opts.organisation.id}`, type: 'Organisation', legalName: { nl: opts.organisation.name } },
    issuanceDate: opts.now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    credentialSubject: {
      id: `urn:epass:person:werkvloer:${opts.subject.pseudonym}`,
      type: 'Person',
      ...(opts.subject.name ? { fullName: { nl: opts.subject.name } } : {}),
      identifier: [{ type: 'Identifier', notation: opts.subject.pseudonym, schemeName: 'werkvloer trainee code' }],
      hasClaim: opts.achievements.map((a) => ({
        id: `urn:epass:learningAchievement:${a.credentialId}`,
        type: 'LearningAchievement',
        title: lang(a.title.nl, a.title.en),
        specifiedBy: {
          id: `urn:epass:learningAchievementSpec:${a.credentialId}`,
          type: 'LearningAchievementSpecification',
          title: lang(a.title.nl, a.title.en),
          learningOutcome: a.skills.map((s, i) => ({ id: `urn:epass:learningOutcome:${a.credentialId}:${i}`, type: 'LearningOutcome', title: s.nl ? { nl: s.nl, en: s.en } : { en: s.en }, relatedESCOSkill: [{ id: s.uri, type: 'Concept' }] })),
          ...(a.occupations.length ? { relatedOccupation: a.occupations.map((uri) => ({ id: uri, type: 'Concept' })) } : {}),
        },
        provenBy: [
          {
            id: `urn:epass:learningAssessment:${a.credentialId}`,
            type: 'LearningAssessment',
            title: lang(`Examen in de simulator: ${a.title.nl}`, `Simulator exam: ${a.title.en}`),
            awardedBy: { type: 'AwardingProcess', awardingBody: [{ id: `urn:epass:org:werkvloer:${opts.organisation.id}`, type: 'Organisation' }], awardingDate: a.achievedAt },
            ...(a.score !== null ? { grade: { type: 'Note', noteLiteral: { nl: `${Math.round(a.score)}/100 (geslaagd vanaf ${a.passScore})`, en: `${Math.round(a.score)}/100 (pass mark ${a.passScore})` } } } : {}),
          },
        ],
      })),
    },
  };
}
