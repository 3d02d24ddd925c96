import { z } from 'zod';

/**
 * The layout format (scenes/<sector>/<station>/layout.json): which kit parts stand where, which
 * scenario object each one is, and the station's static geometry. One zod schema is the source of
 * truth; scenes/layout.schema.json is generated from it. Built inside a function so the trainee's
 * bundle never carries zod: layouts are validated by check:scenes and by the build.
 */
function buildLayoutSchema() {
  const comment = z.union([z.string(), z.array(z.string())]).optional().describe('Free text for authors; ignored.');
  const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lowercase letters, digits and single dashes');
  const vec3 = z.tuple([z.number(), z.number(), z.number()]);
  const size3 = z.tuple([z.number().positive(), z.number().positive(), z.number().positive()]);
  const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb');
  const when = z
    .strictObject({
      available: z.array(id).min(1).optional().describe('while one of these steps can be done now (the question\'s cards)'),
      done: id.optional().describe('once this step is done (the cut bundle)'),
      notDone: id.optional().describe('until this step is done (the jewellery taken off)'),
    })
    .optional()
    .describe('the part is there only while the work is at this point (step ids); always when left out');
  const where = {
    $comment: comment,
    position: vec3.describe('where the part stands, in metres: x right, y up, z towards the trainee (the work position is the origin)'),
    rotation: vec3.optional().describe('Euler angles in radians (x, y, z)'),
    when,
  };
  const object = id.describe('the scenario object this part is (objects[].id in scenario.json)');
  const ids = z.array(id).min(1);

  const shape = z.union([
    z.strictObject({ ...where, box: size3, color: colour }),
    z.strictObject({
      ...where,
      cylinder: z.union([
        z.tuple([z.number().nonnegative(), z.number().nonnegative(), z.number().positive(), z.number().int().min(3)]),
        z.tuple([z.number().nonnegative(), z.number().nonnegative(), z.number().positive(), z.number().int().min(3), z.number().positive()]),
      ]).describe('radius top, radius bottom, height, segments, optional arc (radians)'),
      color: colour,
    }),
  ]);

  const part = z.discriminatedUnion('part', [
    z.strictObject({ ...where, part: z.literal('push-button'), object, color: z.enum(['green', 'red', 'black', 'blue', 'white', 'yellow']).default('green'), action: id.default('press'), diameter: z.number().positive().max(0.2).default(0.03).describe('of the cap, m (22 mm buttons have a 30 mm cap; a training button may be big)') }),
    z.strictObject({ ...where, part: z.literal('emergency-stop'), object, action: id.default('press') }),
    z.strictObject({
      ...where,
      part: z.literal('main-switch'),
      object,
      action: id.default('press').describe('what turning the handle does (press, lock, open…)'),
      padlock: id.optional().describe('the padlock object, hung on the switch with `lock` (lock-out)'),
      tag: z.boolean().default(false).describe('a "do not switch on" tag hangs from the padlock'),
      actions: z.array(id).min(2).optional().describe('sent in turn on each turn of the handle instead of `action` (lock, unlock): after an odd number the handle stands at 0 and, with `tag`, the own padlock and tag hang in it (lock-out in one action)'),
    }),
    z.strictObject({ ...where, part: z.literal('stack-light'), tiers: z.array(z.enum(['red', 'amber', 'green', 'blue', 'white'])).min(1).max(5).default(['red', 'amber', 'green']) }),
    z.strictObject({ ...where, part: z.literal('display'), reading: z.string().min(1).describe('what it shows, exactly (Dutch, as on the machine)'), width: z.number().positive().default(0.12) }),
    z.strictObject({ ...where, part: z.literal('guard-door'), object, size: z.tuple([z.number().positive(), z.number().positive()]).describe('width and height (m)'), actions: z.array(id).min(1).default(['open', 'close']).describe('sent in turn on each press (open, then close…)'), interlock: z.boolean().default(true), opening: z.enum(['swing', 'slide-left', 'slide-right']).default('swing').describe('a hinged door swings towards the trainee; a sliding gate (injection moulding) slides aside'), infill: z.enum(['panel', 'bars']).default('panel').describe('bars: a see-through guard (the mould stays in view)') }),
    z.strictObject({ ...where, part: z.literal('fixed-guard'), size: size3 }),
    z.strictObject({
      ...where,
      part: z.literal('ppe'),
      object,
      item: z.enum(['safety-glasses', 'hearing-protection', 'work-gloves', 'cut-resistant-gloves', 'chain-mail-glove', 'hairnet', 'beard-net', 'coat', 'apron', 'safety-shoes']),
    }),
    z.strictObject({ ...where, part: z.literal('ppe-rack'), width: z.number().positive().default(0.8) }),
    z.strictObject({ ...where, part: z.literal('bin'), zone: id.describe('the drop zone id a `place` names'), accepts: ids, kind: z.enum(['good', 'reject', 'waste']) }),
    z.strictObject({ ...where, part: z.literal('box'), size: size3.default([0.4, 0.3, 0.3]), zone: id.optional(), accepts: ids.optional() }),
    z.strictObject({ ...where, part: z.literal('pallet') }),
    z.strictObject({ ...where, part: z.literal('scale'), zone: id.optional(), accepts: ids.optional(), reading: z.string().default('0,000 kg') }),
    z.strictObject({ ...where, part: z.literal('hand-tool'), object, tool: z.enum(['tape-measure', 'calliper', 'try-square', 'thermometer']), action: z.enum(['grab', 'inspect']).default('grab') }),
    z.strictObject({ ...where, part: z.literal('clipboard'), object: object.optional().describe('without it the work order only hangs there to be read (the question\'s cards ask what it says)'), lines: z.array(z.string().min(1)).default([]).describe('translation keys of the work order lines, shown in Dutch'), namespace: z.string().optional(), action: id.default('inspect') }),
    z.strictObject({ ...where, part: z.literal('safety-sign'), pictogram: z.string().regex(/^[a-z0-9-]+$/, 'the name of an SVG in assets/pictograms/, without .svg'), size: z.number().positive().default(0.3) }),
    z.strictObject({ ...where, part: z.literal('sink'), tap: id.describe('held to wash (hold-start … hold-end)'), soap: id.optional(), dryer: id.optional(), soapAction: id.default('press'), dryerAction: id.default('hold') }),
    z.strictObject({ ...where, part: z.literal('conveyor'), length: z.number().positive(), width: z.number().positive().default(0.4), height: z.number().positive().default(0.85) }),
    z.strictObject({ ...where, part: z.literal('person'), object: object.optional(), role: z.enum(['team-leader', 'setter', 'colleague']), action: id.default('press') }),
    z.strictObject({
      ...where,
      part: z.literal('workpiece'),
      object,
      shape: z.union([z.strictObject({ box: size3 }), z.strictObject({ cylinder: z.tuple([z.number().positive(), z.number().positive()]).describe('radius, length') })]),
      color: colour,
      operation: z.enum(['grab', 'carry', 'inspect', 'hold', 'press', 'wear-body', 'wear-head']).default('grab').describe('carry: picked up without an event of its own (only putting it somewhere is a step)'),
      action: id.optional().describe('for `press`: the action sent (default press)'),
      progressMs: z.number().int().positive().optional().describe('for `hold`: the bar above it fills in this time (how long a good wash takes)'),
      look: z.array(shape).min(1).optional().describe('a detailed look in the part\'s own space (boxes and cylinders, like `static`) instead of the plain shape; the shape still gives its size for pointing'),
    }),
    z.strictObject({ ...where, part: z.literal('slider'), object, min: z.number(), max: z.number(), step: z.number().positive(), initial: z.number(), unit: z.string(), length: z.number().positive().default(0.3) }),
    z.strictObject({
      ...where,
      part: z.literal('cards'),
      object,
      action: z.enum(['classify', 'answer']).default('classify'),
      cards: z.array(z.strictObject({ id: z.string().min(1), label: z.string().min(1).describe('a translation key; without "namespace:" a key of the station\'s own namespace (country variants share it), else shown as written'), pictogram: z.string().optional(), color: colour.optional() })).min(2),
    }),
    z.strictObject({ ...where, part: z.literal('drop-zone'), zone: id, accepts: ids, size: size3, marked: z.boolean().default(true).describe('drawn as a faint area on the bench; false inside a crate or bin that shows the place itself') }),
    z.strictObject({ ...where, part: z.literal('hazard-zone'), object, size: size3 }),
    z.strictObject({ ...where, part: z.literal('arrival-spot'), object, radius: z.number().positive().default(0.35) }),
  ]);


  return z.strictObject({
    $schema: z.string().optional(),
    $comment: comment,
    extends: z.string().regex(/^\.\.\/[a-z0-9-]+\/layout\.json$/, 'a sibling station\'s layout: "../<station>/layout.json"').optional().describe('the layout this one overlays: its parts and geometry, with these added'),
    station: z.array(id).default([]).describe('scenario objects placed by station.tsx (what is unique to this machine), not by the kit'),
    parts: z.array(part).default([]),
    static: z.array(shape).default([]).describe('the fixed body: boxes and cylinders, drawn as one mesh with vertex colours'),
    panel: z
      .strictObject({
        $comment: comment,
        position: vec3.describe('the middle of the instruction panel, in metres (x right, y up, z towards the trainee); it faces the trainee (+z)'),
      })
      .optional()
      .describe('where the VR instruction panel hangs, in free space with nothing between it and the eyes at any moment of the work (tests/play/panel-placement.test.tsx); the default spot when left out'),
  });
}

export const layoutSchema = /* @__PURE__ */ buildLayoutSchema();
export type Layout = z.output<typeof layoutSchema>;
export type LayoutInput = z.input<typeof layoutSchema>;
export type LayoutPart = Layout['parts'][number];
export type LayoutShape = Layout['static'][number];
export type KitPartName = LayoutPart['part'];
