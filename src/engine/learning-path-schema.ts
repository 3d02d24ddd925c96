import { z } from 'zod';

/**
 * A learning path (issue 26): an ordered list of modules, with per module when it is mastered and
 * what it waits for. Data in scenes/_paths/, validated at build time and on the server; built inside
 * a function so the trainee's bundle never carries zod for it.
 */
function buildLearningPathSchema() {
  const comment = z.union([z.string(), z.array(z.string())]).optional().describe('a note for the next author; ignored');
  const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lowercase words joined by dashes (e.g. "wood-panel-saw")');

  /**
   * When a module of a path counts as mastered. Practice passes are counted per major version of the
   * module's scenario (its `version`); a practice attempt that went on after a critical error never counts.
   */
  const masterySchema = z
    .strictObject({
      $comment: comment,
      practicePasses: z.number().int().min(0).max(10).default(2).describe('practice attempts passed with at least practiceMinScore before the exam opens'),
      practiceMinScore: z.number().int().min(0).max(100).default(80).describe('the score (0–100) a practice attempt needs to count'),
      exam: z.boolean().default(true).describe('the module is mastered when its exam is passed (false: when the practice passes are reached)'),
    })
    .describe('when the module counts as mastered');

  const moduleSchema = z
    .strictObject({
      $comment: comment,
      scenarioId: id.describe('the scenario id of the module (a station, a core module)'),
      mastery: masterySchema.default({ practicePasses: 2, practiceMinScore: 80, exam: true }),
      opensAfter: z
        .array(id)
        .optional()
        .describe('modules of this path that must be mastered before this one opens; left out: the module before it in the list (none for the first)'),
    })
    .describe('one module of the path, in the order trainees meet them');

  return z.strictObject({
    $schema: z.string().optional(),
    $comment: comment,
    id: id.describe('the path id (e.g. "wood")'),
    sector: z.enum(['wood', 'food', 'plastics', 'textile']),
    country: z.enum(['BE', 'NL']).optional().describe("the country of the organisations this path is offered to; left out: every country"),
    name: z.string().trim().min(1).max(80).optional().describe("a trainer's name for an edited copy; left out, views name the path by its sector (translated)"),
    modules: z.array(moduleSchema).min(1),
  });
}

export const learningPathSchema = /* @__PURE__ */ buildLearningPathSchema();

export type LearningPath = z.output<typeof learningPathSchema>;
export type LearningPathInput = z.input<typeof learningPathSchema>;
export type PathModule = LearningPath['modules'][number];
export type PathMastery = PathModule['mastery'];
