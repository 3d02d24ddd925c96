import { z } from 'zod';
import { competencies } from './types';

/**
 * The scenario format: one zod schema is the single source of truth. The JSON Schema for editors
 * (scenes/scenario.schema.json) is generated from it, so the two never drift apart.
 * Objects are strict (a misspelt key is an error, not silently ignored) but every object may carry
 * a `$comment`, so the template station can explain itself inside plain JSON.
 */

/** Actions that complete steps. hold/stay are completed by a start/end pair lasting long enough. */
export const stepActions = ['wear', 'remove', 'press', 'grab', 'release', 'place', 'set', 'inspect', 'classify', 'answer', 'open', 'close', 'lock', 'unlock', 'hold', 'stay'] as const;
/** Everything the input layer may send: step actions plus the start/end halves of hold/stay. */
export const eventActions = [...stepActions.filter((a) => a !== 'hold' && a !== 'stay'), 'hold-start', 'hold-end', 'enter', 'exit'] as const;

export type Condition =
  | { $comment?: string | string[]; done: string }
  | { $comment?: string | string[]; wearing: string }
  | { $comment?: string | string[]; inside: string }
  | { $comment?: string | string[]; machine: string; in: string[] }
  | { $comment?: string | string[]; not: Condition }
  | { $comment?: string | string[]; all: Condition[] }
  | { $comment?: string | string[]; any: Condition[] };

/**
 * Built inside a function marked pure so that a bundle which only plays scenarios (the trainee app:
 * step, score, types) drops zod entirely; the build validates scenarios ahead of time.
 */
function buildScenarioSchema() {
  const comment = z.union([z.string(), z.array(z.string())]).optional().describe('Free text for authors (a string or a list of lines); ignored by the engine.');
  const id = z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lowercase letters, digits and single dashes')
    .describe('kebab-case identifier');
  const key = z.string().min(1).describe('i18next key in the namespace named after the scenario id, e.g. "steps.wear-glasses.instruction"');
  const asset = z.string().min(1).describe('path of a local asset, relative to assets/');

  const match = z
    .strictObject({
      $comment: comment,
      action: z.enum(eventActions),
      object: id.describe('object id'),
    })
    .describe('an event pattern: this action on this object');

  const conditionSchema: z.ZodType<Condition> = z
    .union([
      z.strictObject({ $comment: comment, done: id.describe('step id: true once that step is done') }),
      z.strictObject({ $comment: comment, wearing: id.describe('object id: true while it is worn (wear … remove)') }),
      z.strictObject({ $comment: comment, inside: id.describe('zone object id: true between enter and exit') }),
      z.strictObject({
        $comment: comment,
        machine: id.describe('machine id'),
        in: z.array(id).min(1).describe('true while the machine is in one of these states'),
      }),
      z.strictObject({
        $comment: comment,
        get not() {
          return conditionSchema;
        },
      }),
      z.strictObject({
        $comment: comment,
        get all() {
          return z.array(conditionSchema).min(1);
        },
      }),
      z.strictObject({
        $comment: comment,
        get any() {
          return z.array(conditionSchema).min(1);
        },
      }),
    ])
    .meta({ id: 'Condition', description: 'a condition on the state before the event' });

  const objectSchema = z.strictObject({
    $comment: comment,
    id,
    term: z.string().min(1).describe('the Dutch word trained with this object, e.g. "veiligheidsbril"'),
    name: key.describe('translation key of the object name in the trainee language'),
    kind: z.enum(['item', 'button', 'dial', 'zone', 'tool', 'container', 'product', 'panel']).default('item'),
    audio: asset.optional(),
    pictogram: asset.optional(),
  });

  const transitionSchema = z
    .strictObject({
      $comment: comment,
      from: z.union([id, z.array(id).min(1)]).optional().describe('state(s) this applies in; omitted: any state'),
      on: match.optional().describe('event that triggers the transition'),
      after: z.number().int().positive().optional().describe('ms spent in `from` after which the transition happens by itself'),
      when: conditionSchema.optional().describe('guard: only if this holds'),
      to: id,
    })
    .describe('exactly one of `on` (event) or `after` (elapsed time)');

  const machineSchema = z.strictObject({
    $comment: comment,
    id,
    states: z.array(id).min(1),
    initial: id,
    transitions: z.array(transitionSchema).default([]),
  });

  const stepSchema = z.strictObject({
    $comment: comment,
    id,
    action: z.enum(stepActions),
    object: id.describe('object id'),
    after: z.array(id).default([]).describe('prerequisite step ids: all must be done first'),
    points: z.number().int().min(0).max(1000).default(10),
    competency: z.enum(competencies),
    instruction: key,
    hint: key.optional(),
    listen: z
      .boolean()
      .optional()
      .describe('a language step: the instruction is only heard, in Dutch, whatever the trainee\'s language (no text on screen until a hint or the step is done); its Dutch text needs a Dutch audio file'),
    audio: asset.optional(),
    pictogram: asset.optional(),
    value: z
      .strictObject({ $comment: comment, target: z.number(), tolerance: z.number().min(0), unit: z.string().optional() })
      .optional()
      .describe('for `set`: the value must be within target ± tolerance'),
    expect: z.union([z.string(), z.number()]).optional().describe('for `classify` (class id) and `answer`: the right value'),
    minDurationMs: z.number().int().positive().optional().describe('for `hold` (hold-start…hold-end) and `stay` (enter…exit): minimum duration'),
    wait: z
      .strictObject({ $comment: comment, since: id.describe('step id (a prerequisite)'), ms: z.number().int().positive() })
      .optional()
      .describe('the step only counts once ms have passed since that step was done (e.g. the blade runs down)'),
    requires: conditionSchema.optional().describe('the step only counts while this holds (e.g. machine stopped)'),
  });

  const severity = z.enum(['minor', 'major', 'critical']);
  const ruleCommon = {
    $comment: comment,
    id,
    severity,
    penalty: z.number().min(0).max(100).optional().describe('score points per occurrence; default minor 5, major 15, critical 0 (critical fails anyway)'),
    competency: z.enum(competencies).default('safety'),
    message: key.describe('translation key explaining what went wrong and why'),
    safeState: z
      .strictObject({
        $comment: comment,
        resumeAt: id.describe('step id: this step and every step that depends on it (directly or indirectly) are undone; the trainee goes on from the first of them that can be done'),
        machines: z
          .record(id, id)
          .default({})
          .describe('machine id → the state it is put in (e.g. { "saw": "stopped" }); machines not named keep their state'),
      })
      .optional()
      .describe('critical rules only, required when the scenario has practice mode: where a practice attempt goes on from after this rule fired (the attempt stays failed)'),
  };

  // A rule may also name the event's value: `place` a defective part with value `good-box` is the
  // mistake, the same part into the scrap bin is the work.
  const ruleOn = match
    .extend({ value: z.union([z.string().min(1).max(256), z.number().finite()]).optional().describe('only events with this value (e.g. for `place`: the zone it was put in)') })
    .describe('an event pattern: this action on this object, optionally with this value');

  const ruleSchema = z
    .strictObject({ ...ruleCommon, on: ruleOn, when: conditionSchema.optional().describe('violated if this holds before the event; omitted: always') })
    .describe('a hazard: this action while the condition holds');

  const sequenceSchema = z
    .strictObject({
      ...ruleCommon,
      first: z.array(match).min(1).describe('any of these arms the rule'),
      then: z.array(match).min(1).describe('any of these while armed is a violation'),
      resetBy: z.array(match).default([]).describe('any of these disarms the rule (e.g. washing hands)'),
    })
    .describe('first, then, with no reset in between: e.g. touch face, then product, without washing hands');

  return z
    .strictObject({
      $schema: z.string().optional(),
      $comment: comment,
      id,
      version: z.number().int().positive(),
      sector: z.enum(['wood', 'food', 'plastics', 'textile']),
      country: z
        .enum(['BE', 'NL'])
        .optional()
        .describe('the country whose rules this station follows (e.g. legal temperature limits); a trainee of an organisation in another country is not offered it. Leave out for a station that fits every country'),
      station: id,
      title: key,
      summary: key,
      passScore: z.number().int().min(0).max(100),
      modes: z.array(z.enum(['practice', 'exam'])).min(1).default(['practice', 'exam']),
      scoring: z
        .strictObject({
          $comment: comment,
          hintCost: z.number().min(0).max(1).default(0.25).describe('fraction of a step\'s points lost per hint'),
          mistakeCost: z.number().min(0).max(1).default(0.25).describe('fraction of a step\'s points lost per mistake'),
        })
        .default({ hintCost: 0.25, mistakeCost: 0.25 }),
      objects: z.array(objectSchema).min(1),
      machines: z.array(machineSchema).default([]),
      steps: z.array(stepSchema).min(1),
      rules: z.array(ruleSchema).default([]),
      sequences: z.array(sequenceSchema).default([]),
      sources: z
        .array(z.strictObject({ $comment: comment, title: z.string().min(1), url: z.string().optional(), note: z.string().optional() }))
        .default([])
        .describe('where the steps come from: regulations, manuals, company procedures'),
      reviewed: z
        .strictObject({ $comment: comment, by: z.string().min(1), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), note: z.string().optional() })
        .optional()
        .describe('who checked the steps against practice, and when'),
    })
    .meta({ id: 'Scenario', title: 'werkvloer scenario' });
}

export const scenarioSchema = /* @__PURE__ */ buildScenarioSchema();

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type ScenarioStep = Scenario['steps'][number];
export type ScenarioRule = Scenario['rules'][number];
export type ScenarioSequence = Scenario['sequences'][number];
export type ScenarioMachine = Scenario['machines'][number];
export type EventMatch = ScenarioSequence['first'][number];
export type SafeState = NonNullable<ScenarioRule['safeState']>;

/**
 * One uploaded event, for the server to check a log before re-scoring it. Bounded strings and a
 * finite, non-negative time: an upload is untrusted input.
 */
function buildSessionEventSchema() {
  return z.strictObject({
    t: z.number().finite().min(0),
    action: z.string().min(1).max(64),
    object: z.string().max(128),
    value: z.union([z.number().finite(), z.string().max(256)]).optional(),
    device: z.enum(['desktop', 'touch', 'vr-controller', 'vr-hand']),
  });
}

export const sessionEventSchema = /* @__PURE__ */ buildSessionEventSchema();
