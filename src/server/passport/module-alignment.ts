import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';

const escoUri = z.string().regex(/^http:\/\/data\.europa\.eu\/esco\/(occupation|skill)\/[0-9a-f-]{36}$/, 'an ESCO concept URI (http://data.europa.eu/esco/occupation/… or …/skill/…)');

const conceptSchema = z.object({
  uri: escoUri,
  kind: z.enum(['occupation', 'skill']),
  isco: z.string().regex(/^\d{4}$/).optional(),
  labels: z.object({ en: z.string().min(1), fr: z.string().min(1).nullable(), nl: z.string().min(1).nullable() }).strict(),
});

export const escoExtractSchema = z.object({
  $comment: z.array(z.string()).optional(),
  source: z.string().min(1),
  version: z.string().min(1),
  sources: z.record(z.string(), z.string()),
  concepts: z.array(conceptSchema).min(1),
});

/**
 * Where each qualification framework publishes its qualifications: a qualification is named by its
 * owner's own address (the Flemish government's AKOV database or vlaanderen.be; SBB for the Dutch
 * mbo crebo list), never by a third party's copy.
 */
export const qualificationHosts = {
  'Vlaamse kwalificatiestructuur': ['app.akov.be', 'vlaanderen.be', 'www.vlaanderen.be'],
  'Kwalificatiestructuur mbo (SBB)': ['s-bb.nl', 'www.s-bb.nl'],
} as const;
type Framework = keyof typeof qualificationHosts;

/** A qualification the module prepares for (Flemish or Dutch), named by its owner's own address. */
const qualificationSchema = z
  .object({
    name: z.string().min(1),
    url: z.url({ protocol: /^https$/, message: 'an https address' }),
    framework: z.enum(Object.keys(qualificationHosts) as [Framework, ...Framework[]]),
  })
  .strict()
  .refine((q) => (qualificationHosts[q.framework] as readonly string[]).includes(new URL(q.url).hostname), {
    path: ['url'],
    message: `not an address of the framework's owner (${Object.entries(qualificationHosts).map(([f, hosts]) => `${f}: ${hosts.join(', ')}`).join('; ')})`,
  });

export const alignmentSchema = z
  .object({
    $comment: z.string().optional(),
    occupations: z.array(escoUri),
    skills: z.array(escoUri).min(1, 'a module trains at least one skill'),
    qualifications: z.array(qualificationSchema),
    validForMonths: z.number().int().min(1).max(120).optional(),
  })
  .strict();

export type EscoConcept = z.infer<typeof conceptSchema>;
export type EscoExtract = z.infer<typeof escoExtractSchema>;
export type ModuleAlignment = z.infer<typeof alignmentSchema>;

/** An alignment as the credential needs it: each ESCO concept with its labels. */
export interface ResolvedAlignment {
  occupations: EscoConcept[];
  skills: EscoConcept[];
  qualifications: ModuleAlignment['qualifications'];
  validForMonths: number | null;
}

export class AlignmentError extends Error {}

function readJson(root: string, file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new AlignmentError(`${relative(root, file)}: not JSON (${(error as Error).message})`);
  }
}

function issues(root: string, file: string, error: z.ZodError): string {
  return error.issues.map((i) => `${relative(root, file)} ${i.path.length ? `/${i.path.join('/')}` : '/'}: ${i.message}`).join('\n');
}

export function readEscoExtract(root: string): EscoExtract {
  const file = join(root, 'scenes', '_esco', 'esco-extract.json');
  const parsed = escoExtractSchema.safeParse(readJson(root, file));
  if (!parsed.success) throw new AlignmentError(issues(root, file, parsed.error));
  return parsed.data;
}

/**
 * The module-to-ESCO mapping kept beside a station (scenes/<sector>/<station>/alignment.json),
 * validated and resolved against the ESCO extract; null when the station has none (it then issues
 * no credential). A URI missing from the extract is an error naming the file and the path.
 * A module is a station for now; a learning path (issue 26) can list several stations' alignments.
 */
export function readModuleAlignment(root: string, stationDir: string, extract: EscoExtract): ResolvedAlignment | null {
  const file = join(stationDir, 'alignment.json');
  if (!existsSync(file)) return null;
  const parsed = alignmentSchema.safeParse(readJson(root, file));
  if (!parsed.success) throw new AlignmentError(issues(root, file, parsed.error));
  const byUri = new Map(extract.concepts.map((c) => [c.uri, c]));
  const resolve = (uris: string[], kind: 'occupation' | 'skill', key: string) =>
    uris.map((uri, i) => {
      const concept = byUri.get(uri);
      if (!concept || concept.kind !== kind) throw new AlignmentError(`${relative(root, file)} /${key}/${i}: ${uri} is not a${kind === 'occupation' ? 'n occupation' : ' skill'} in scenes/_esco/esco-extract.json`);
      return concept;
    });
  return {
    occupations: resolve(parsed.data.occupations, 'occupation', 'occupations'),
    skills: resolve(parsed.data.skills, 'skill', 'skills'),
    qualifications: parsed.data.qualifications,
    validForMonths: parsed.data.validForMonths ?? null,
  };
}
