import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { competencies, score, type Scenario } from '../../src/engine';
import { ev, stationLog } from './station-log';

// The food station, hygiene sluice + meat line, in its two country variants (Belgium: FAVV, the
// Netherlands: NVWA). Every hazard, the hand-wash time, the face/phone-then-product sequence, the
// temperature decisions, the weighing and the classifications, as short event logs on the real files.

const countries = ['be', 'nl'] as const;
type Country = (typeof countries)[number];

const variants = Object.fromEntries(countries.map((c) => [c, stationLog(`scenes/food/hygiene-sluice-line-${c}/scenario.json`)])) as Record<Country, ReturnType<typeof stationLog>>;
/** Helpers bound to one variant. */
const on = (c: Country) => variants[c];

/** The scenario without author comments and country words: what scores. */
const scoring = (sc: Scenario) =>
  JSON.parse(JSON.stringify({ ...sc, id: null, station: null, country: null, sources: null, objects: sc.objects.map((o) => ({ ...o, term: null })) }), (k, v: unknown) => (k === '$comment' ? undefined : v)) as unknown;

describe('food-hygiene-sluice-line: the two country variants', () => {
  test('score the same way: only id, station, country, sources, comments and some floor words differ', () => {
    expect(scoring(variants.be.sc)).toEqual(scoring(variants.nl.sc));
    // The country is data the start screen filters on, not the id's suffix.
    expect([variants.be.sc.country, variants.nl.sc.country]).toEqual(['BE', 'NL']);
    expect(variants.be.ideal).toEqual(variants.nl.ideal);
    const termsBe = Object.fromEntries(variants.be.sc.objects.map((o) => [o.id, o.term]));
    const differ = variants.nl.sc.objects.filter((o) => o.term !== termsBe[o.id]).map((o) => [o.id, termsBe[o.id], o.term]);
    expect(differ).toEqual(
      expect.arrayContaining([
        ['phone', 'gsm', 'mobiel'],
        ['sink', 'lavabo', 'wastafel'],
        ['disinfectant', 'ontsmettingsmiddel', 'desinfectiemiddel'],
        ['team-leader', 'ploegbaas', 'teamleider'],
        ['turnstile', 'tourniquet', 'draaihek'],
      ]),
    );
  });

  test('each names its own authority among the sources', () => {
    expect(variants.be.sc.sources.map((s) => s.url).join(' ')).toMatch(/health\.belgium\.be|wetwijzer\.be/);
    expect(variants.nl.sc.sources.map((s) => s.url).join(' ')).toMatch(/nvwa\.nl/);
    expect(variants.be.sc.sources.map((s) => s.url).join(' ')).not.toMatch(/nvwa\.nl/);
    expect(variants.nl.sc.sources.map((s) => s.url).join(' ')).not.toMatch(/belgium\.be|wetwijzer/);
  });
});

describe.each(countries)('food-hygiene-sluice-line-%s', (c) => {
  const { sc, ideal, ns, before, from, tOf, live, totalPoints, pointsOf, expectCritical } = on(c);
  const { scene } = variants[c];

  describe('the station data', () => {
    test('loads without issues, 10–40 steps (arriving to leaving), every competency, 12+ Dutch terms, 4+ rules with the critical ones, no review yet', () => {
      expect(scene.issues).toEqual([]);
      expect(sc.steps.length).toBeGreaterThanOrEqual(10);
      expect(sc.steps.length).toBeLessThanOrEqual(40);
      for (const k of competencies) expect(sc.steps.some((s) => s.competency === k), k).toBe(true);
      expect(new Set(sc.objects.map((o) => o.term)).size).toBeGreaterThanOrEqual(12);
      for (const term of ['haarnetje', 'baardnetje', 'kerntemperatuur', 'HACCP-lijst', 'allergenen', 'weegschaal']) expect(sc.objects.map((o) => o.term)).toContain(term);
      expect(sc.rules.length).toBeGreaterThanOrEqual(4);
      expect(sc.rules.filter((r) => r.severity === 'critical').map((r) => r.id)).toEqual(['enter-without-washing', 'enter-with-open-wound', 'accept-too-warm', 'use-too-warm', 'ship-wrong-label', 'pack-foreign-body']);
      expect(sc.sources.length).toBeGreaterThan(0);
      for (const s of sc.sources) expect(s.url, s.title).toMatch(/^https?:\/\//);
      expect(sc.reviewed).toBeUndefined();
      expect(scene.warnings.join('\n')).toContain('not reviewed yet');
    });
  });

  describe('the hygiene sluice', () => {
    test('entering without washing the hands is critical', () => {
      expectCritical([ev(2000, 'remove', 'jewellery'), ev(5000, 'wear', 'hairnet'), ev(8000, 'wear', 'beard-net'), ev(10000, 'press', 'turnstile')], 'enter-without-washing');
      // Soap only, no washing time: still critical.
      expectCritical([...before('hold-start', 'sink'), ev(tOf('hold-start', 'sink'), 'press', 'turnstile')], 'enter-without-washing');
    });

    test('a wash shorter than 40 s (WHO: 40–60 s) is too short: a mistake, the step stays open, and it does not count as washing', () => {
      const start = tOf('hold-start', 'sink');
      const short = [...before('hold-start', 'sink'), ev(start, 'hold-start', 'sink'), ev(start + 8000, 'hold-end', 'sink')];
      const { state, feedback } = live(short);
      expect(feedback.at(-1)).toMatchObject({ kind: 'too-short', step: 'wash-hands', durationMs: 8000, minMs: 40000 });
      expect(state.steps.find((p) => p.id === 'wash-hands')).toMatchObject({ done: false, mistakes: 1, openSince: null });
      // Walking on after the short wash is still entering unwashed.
      expectCritical([...short, ev(start + 10000, 'press', 'turnstile')], 'enter-without-washing');
      // 39.999 s is too short, 40 s is enough (the old 20 s no longer counts).
      expect(live([...before('hold-start', 'sink'), ev(start, 'hold-start', 'sink'), ev(start + 39999, 'hold-end', 'sink')]).feedback.at(-1)).toMatchObject({ kind: 'too-short' });
      expect(live([...before('hold-start', 'sink'), ev(start, 'hold-start', 'sink'), ev(start + 20000, 'hold-end', 'sink')]).feedback.at(-1)).toMatchObject({ kind: 'too-short' });
      expect(live([...before('hold-start', 'sink'), ev(start, 'hold-start', 'sink'), ev(start + 40000, 'hold-end', 'sink')]).feedback.at(-1)).toMatchObject({ kind: 'step-completed', step: 'wash-hands' });
      // Washed again long enough: done with one mistake, 25 % of its points lost.
      const redo = [...short, ev(start + 9000, 'hold-start', 'sink'), ev(start + 51000, 'hold-end', 'sink'), ...from('press', 'tap')];
      const r = score(sc, redo, 'exam');
      expect(r.steps.find((s) => s.id === 'wash-hands')).toMatchObject({ done: true, mistakes: 1, earned: pointsOf('wash-hands') * 0.75 });
      expect(r).toMatchObject({ total: Math.round((100 * (totalPoints - pointsOf('wash-hands') * 0.25)) / totalPoints), passed: true, violations: [] });
    });

    test('the wash order: rinsing before rubbing, or disinfecting before the towel is dried and binned, is out of order', () => {
      const rinseEarly = [...before('hold-start', 'sink'), ev(tOf('hold-start', 'sink') - 500, 'press', 'tap')];
      expect(live(rinseEarly).feedback.at(-1)).toMatchObject({ kind: 'wrong-order', step: 'rinse-hands', missing: ['wash-hands'] });
      const disinfectEarly = [...before('place', 'paper-towel'), ev(tOf('place', 'paper-towel') - 500, 'hold-start', 'disinfectant')];
      expect(live(disinfectEarly).feedback.at(-1)).toMatchObject({ kind: 'wrong-order', step: 'disinfect-hands', missing: ['bin-towel'] });
    });

    test('washed but not disinfected: entering is major (15) and out of order', () => {
      const events = [...before('hold-start', 'disinfectant'), ev(tOf('hold-start', 'disinfectant'), 'press', 'turnstile')];
      const { state } = live(events);
      expect(state.violations).toEqual([expect.objectContaining({ rule: 'enter-without-disinfecting', severity: 'major', penalty: 15, critical: false })]);
      expect(state.mistakes).toEqual([expect.objectContaining({ kind: 'wrong-order', step: 'enter-sluice' })]);
      expect(state.ended).toBe(false);
    });

    test('entering without hair net or beard net, or with jewellery, is major', () => {
      const noBeard = ideal.filter((e) => !(e.action === 'wear' && e.object === 'beard-net'));
      const r = score(sc, noBeard, 'practice');
      expect(r.violations).toContainEqual(expect.objectContaining({ rule: 'enter-without-nets', severity: 'major', penalty: 15 }));
      expect(r.passed).toBe(false);
      // A net taken off again before entering counts as not worn.
      const offAgain = [...before('press', 'turnstile'), ev(tOf('press', 'turnstile') - 500, 'remove', 'hairnet'), ev(tOf('press', 'turnstile'), 'press', 'turnstile')];
      expect(live(offAgain).state.violations).toEqual([expect.objectContaining({ rule: 'enter-without-nets', severity: 'major' })]);
      const jewellery = ideal.filter((e) => !(e.action === 'remove' && e.object === 'jewellery'));
      expect(score(sc, jewellery, 'practice').violations).toContainEqual(expect.objectContaining({ rule: 'enter-with-jewellery', severity: 'major', penalty: 15 }));
    });
  });

  describe('face or phone, then product, without washing', () => {
    const weigh = tOf('set', 'portion');

    test('touching the face, then the product, is a major violation (15)', () => {
      const upToWeigh = [...before('set', 'portion'), ev(weigh - 3000, 'enter', 'face-zone'), ev(weigh - 2500, 'exit', 'face-zone'), ev(weigh, 'set', 'portion', 254)];
      const { state, feedback } = live(upToWeigh);
      expect(state.violations).toEqual([expect.objectContaining({ rule: 'face-or-phone-then-product', severity: 'major', penalty: 15, competency: 'procedure' })]);
      expect(feedback).toContainEqual(expect.objectContaining({ kind: 'rule-violated', rule: 'face-or-phone-then-product', key: `${ns}:rules.face-or-phone-then-product` }));
      expect(state.mistakes).toEqual([]);
      expect(state.steps.find((p) => p.id === 'weigh-portion')!.done).toBe(true);
    });

    test('it stays armed until a wash: the portion and then the tray are two violations; a wash in between stops the second', () => {
      const face = [ev(weigh - 3000, 'enter', 'face-zone'), ev(weigh - 2500, 'exit', 'face-zone')];
      const r = score(sc, [...before('set', 'portion'), ...face, ...from('set', 'portion')], 'practice');
      expect(r.violations.map((v) => v.rule)).toEqual(['face-or-phone-then-product', 'face-or-phone-then-product']);
      expect(r).toMatchObject({ total: 70, passed: true, mistakes: [] });
      expect(r.competencies.procedure).toBeLessThan(100);
      const tray = tOf('place', 'tray');
      const washed = [
        ...before('set', 'portion'),
        ...face,
        ...ideal.filter((e) => e.t >= weigh && e.t < tray),
        ev(tray - 2500, 'hold-start', 'line-sink'),
        ev(tray - 500, 'hold-end', 'line-sink'),
        ...from('place', 'tray'),
      ];
      expect(score(sc, washed, 'practice')).toMatchObject({ total: 85, violations: [expect.objectContaining({ rule: 'face-or-phone-then-product' })], mistakes: [] });
    });

    test('washing the hands at the line in between resets it: no violation, no mistake', () => {
      const events = [
        ...before('set', 'portion'),
        ev(weigh - 30000, 'enter', 'face-zone'),
        ev(weigh - 29500, 'exit', 'face-zone'),
        ev(weigh - 25000, 'hold-start', 'line-sink'),
        ev(weigh - 3000, 'hold-end', 'line-sink'),
        ...from('set', 'portion'),
      ];
      expect(score(sc, events, 'exam')).toMatchObject({ total: 100, violations: [], mistakes: [] });
    });

    test('the phone in production is minor, and phone-then-product is major on top', () => {
      const events = [...before('set', 'portion'), ev(weigh - 3000, 'grab', 'phone'), ...from('set', 'portion')];
      const r = score(sc, events, 'practice');
      expect(r.violations.map((v) => [v.rule, v.severity, v.penalty])).toEqual([
        ['phone-in-production', 'minor', 5],
        ['face-or-phone-then-product', 'major', 15],
        ['face-or-phone-then-product', 'major', 15],
      ]);
      expect(r).toMatchObject({ total: 65, passed: false, failedByCritical: false });
    });

    test('the phone in the locker room before the sluice is fine: the hand wash in the sluice resets it', () => {
      const events = [ev(1000, 'grab', 'phone'), ...ideal];
      expect(score(sc, events, 'exam')).toMatchObject({ total: 100, violations: [], mistakes: [] });
    });
  });

  describe('temperatures on the HACCP list', () => {
    test('the product limits in the data and in the texts agree: chicken ≤ 4 °C accepted at 3.2, minced meat ≤ 2 °C rejected at 3.4', () => {
      const stepOf = (id: string) => sc.steps.find((s) => s.id === id)!;
      expect(stepOf('record-temp-chicken').value).toMatchObject({ target: 3.2 });
      expect(stepOf('record-temp-mince').value).toMatchObject({ target: 3.4 });
      expect(stepOf('accept-chicken').object).toBe('ok-chicken');
      expect(stepOf('reject-mince').object).toBe('nok-mince');
      for (const lng of ['nl', 'en']) {
        const loc = JSON.parse(readFileSync(`locales/${lng}/${ns}.json`, 'utf8')) as { steps: Record<string, { hint: string }>; rules: Record<string, string> };
        expect(loc.steps['accept-chicken']!.hint).toContain('4 °C');
        expect(loc.steps['reject-mince']!.hint).toContain('2 °C');
        expect(loc.rules['accept-too-warm']).toMatch(/3[,.]4 °C/);
      }
    });

    test('accepting the too-warm minced meat is critical', () => {
      expectCritical([...before('press', 'nok-mince'), ev(tOf('press', 'nok-mince'), 'press', 'ok-mince')], 'accept-too-warm');
    });

    test('putting the too-warm minced meat on the line is critical, also after writing NOK', () => {
      expectCritical([...before('place', 'block-label'), ev(tOf('place', 'block-label'), 'place', 'crate-mince', 'line-infeed')], 'use-too-warm');
    });

    test('rejecting the chicken that is within its limit is a wrong action, not a violation', () => {
      const events = [...before('press', 'ok-chicken'), ev(tOf('press', 'ok-chicken') - 1000, 'press', 'nok-chicken'), ...from('press', 'ok-chicken')];
      const r = score(sc, events, 'practice');
      expect(r.violations).toEqual([]);
      expect(r.mistakes).toEqual([expect.objectContaining({ kind: 'wrong-action', step: 'accept-chicken', object: 'nok-chicken' })]);
      expect(r.steps.find((s) => s.id === 'accept-chicken')).toMatchObject({ done: true, earned: pointsOf('accept-chicken') * 0.75 });
    });

    test('a wrongly written reading is out of tolerance; the exact reading counts', () => {
      const t = tOf('set', 'temp-mince');
      for (const wrong of [3.5, 3.3, 34, '3,4']) {
        const { feedback, state } = live([...before('set', 'temp-mince'), ev(t, 'set', 'temp-mince', wrong)]);
        expect(feedback.at(-1), String(wrong)).toMatchObject({ kind: 'out-of-tolerance', step: 'record-temp-mince', target: 3.4 });
        expect(state.steps.find((p) => p.id === 'record-temp-mince')!.done).toBe(false);
      }
      expect(live([...before('set', 'temp-mince'), ev(t, 'set', 'temp-mince', '3.4')]).feedback.at(-1)).toMatchObject({ kind: 'step-completed', step: 'record-temp-mince' });
    });
  });

  describe('issue 24: the whole job, from the locker to leaving the sluice', () => {
    test('a cut left uncovered at the turnstile is critical; practice goes on from covering it', () => {
      const noPlaster = before('press', 'turnstile').filter((e) => !(e.action === 'wear' && e.object === 'blue-plaster'));
      expectCritical([...noPlaster, ev(tOf('press', 'turnstile'), 'press', 'turnstile')], 'enter-with-open-wound');
      expect(sc.rules.find((r) => r.id === 'enter-with-open-wound')!.safeState!.resumeAt).toBe('cover-wound');
    });

    test('the ordinary plaster is the wrong answer to the cut: major, and it does not cover the wound', () => {
      const t = tOf('wear', 'blue-plaster');
      const { state } = live([...before('wear', 'blue-plaster'), ev(t, 'wear', 'skin-plaster')]);
      expect(state.violations).toEqual([expect.objectContaining({ rule: 'wrong-plaster', severity: 'major', penalty: 15, competency: 'problem-solving' })]);
      expect(state.steps.find((p) => p.id === 'cover-wound')!.done).toBe(false);
      const r = score(sc, [...before('wear', 'blue-plaster'), ev(t - 500, 'wear', 'skin-plaster'), ...from('wear', 'blue-plaster')], 'exam');
      expect(r).toMatchObject({ total: 85, passed: true, failedByCritical: false });
    });

    test('the room thermometer is read onto the HACCP list: 10,5 °C exactly', () => {
      const t = tOf('set', 'temp-room');
      expect(live([...before('set', 'temp-room'), ev(t, 'set', 'temp-room', 10)]).feedback.at(-1)).toMatchObject({ kind: 'out-of-tolerance', step: 'record-temp-room', target: 10.5 });
      expect(live([...before('set', 'temp-room'), ev(t, 'set', 'temp-room', 10.5)]).feedback.at(-1)).toMatchObject({ kind: 'step-completed', step: 'record-temp-room' });
    });

    test('a wrong label found: packing on is out of order until the labeller is stopped and the trays are held', () => {
      // Weighing right after the card, without stopping the labeller: the step is not open yet.
      const t = tOf('press', 'labeller-stop');
      expect(live([...before('press', 'labeller-stop'), ev(t, 'set', 'portion', 254)]).feedback.at(-1)).toMatchObject({ kind: 'wrong-order', step: 'weigh-portion' });
      expect(live([...before('press', 'labeller-stop'), ev(t, 'press', 'tare-button')]).feedback.at(-1)).toMatchObject({ kind: 'wrong-order', step: 'tare-scale' });
    });

    test('the upstream mistake shows downstream: the wrongly labelled trays sent to dispatch are critical (quality), said at the end', () => {
      const t = tOf('place', 'labelled-trays');
      expectCritical([...before('place', 'labelled-trays'), ev(t, 'place', 'labelled-trays', 'dispatch')], 'ship-wrong-label');
      // Even when the trainee called the label correct first: the label is still wrong when the trays leave.
      const called = [...before('classify', 'allergen-list'), ev(tOf('classify', 'allergen-list'), 'classify', 'allergen-list', 'correct'), ev(tOf('classify', 'allergen-list') + 3000, 'place', 'labelled-trays', 'dispatch')];
      const r = score(sc, called, 'exam');
      expect(r.violations).toEqual([expect.objectContaining({ rule: 'ship-wrong-label', severity: 'critical', competency: 'quality' })]);
      expect(r.mistakes).toContainEqual(expect.objectContaining({ kind: 'wrong-classification', step: 'check-allergens' }));
      expect(r.competencies.quality).toBeLessThan(100);
    });

    test('the tray with the plastic splinter packed into dispatch is critical; practice goes on from the reject bin', () => {
      const t = tOf('place', 'tray');
      expectCritical([...before('place', 'tray'), ev(t, 'place', 'tray', 'dispatch')], 'pack-foreign-body');
      expect(sc.rules.find((r) => r.id === 'pack-foreign-body')!.safeState!.resumeAt).toBe('remove-tray');
    });

    test('ending the shift: the HACCP list is signed, the team leader told, then the coat comes off in the sluice — in that order', () => {
      const t = tOf('press', 'haccp-list');
      expect(live([...before('press', 'haccp-list'), ev(t, 'press', 'laundry-bin')]).feedback.at(-1)).toMatchObject({ kind: 'wrong-order', step: 'drop-coat', missing: ['handover'] });
      // The third call to the team leader is the hand-over: out of order before the list is signed, done after.
      expect(live([...before('press', 'haccp-list'), ev(t, 'press', 'team-leader')]).feedback.at(-1)).toMatchObject({ kind: 'wrong-order', step: 'handover', missing: ['sign-haccp-list'] });
      expect(live(before('press', 'laundry-bin')).state.steps.find((p) => p.id === 'handover')!.done).toBe(true);
      expect(score(sc, ideal, 'exam')).toMatchObject({ total: 100, violations: [], mistakes: [] });
    });
  });

  describe('label, weighing, foreign body, cleaning', () => {
    test('weighing: 250–260 g counts, 249 g and 261 g are out of tolerance', () => {
      const t = tOf('set', 'portion');
      for (const [g, kind] of [[249, 'out-of-tolerance'], [261, 'out-of-tolerance'], [250, 'step-completed'], [260, 'step-completed']] as const) {
        expect(live([...before('set', 'portion'), ev(t, 'set', 'portion', g)]).feedback.at(-1), String(g)).toMatchObject({ kind, step: 'weigh-portion' });
      }
      const r = score(sc, [...before('set', 'portion'), ev(t - 2000, 'set', 'portion', 245), ...from('set', 'portion')], 'exam');
      expect(r.steps.find((s) => s.id === 'weigh-portion')).toMatchObject({ done: true, mistakes: 1, earned: pointsOf('weigh-portion') * 0.75 });
      expect(r.competencies.numeracy).toBeLessThan(100);
    });

    test('the allergen check: calling the label correct is a wrong classification (language)', () => {
      const t = tOf('classify', 'allergen-list');
      const events = [...before('classify', 'allergen-list'), ev(t - 2000, 'classify', 'allergen-list', 'correct'), ...from('classify', 'allergen-list')];
      expect(live(events).feedback).toContainEqual(expect.objectContaining({ kind: 'wrong-classification', step: 'check-allergens', value: 'correct' }));
      const r = score(sc, events, 'exam');
      // The card is 15 of the language points; a mistake costs a quarter of it.
      const language = sc.steps.filter((s) => s.competency === 'language').reduce((n, s) => n + (s.points ?? 10), 0);
      expect(r.competencies.language).toBe(Math.round((100 * (language - pointsOf('check-allergens') * 0.25)) / language));
      expect(r.passed).toBe(true);
    });

    test('the tray with the plastic splinter: calling it good is a wrong classification; it must be removed before it is reported', () => {
      const t = tOf('classify', 'tray');
      const good = [...before('classify', 'tray'), ev(t, 'classify', 'tray', 'good')];
      expect(live(good).feedback.at(-1)).toMatchObject({ kind: 'wrong-classification', step: 'classify-tray', value: 'good' });
      const reportFirst = [...before('place', 'tray'), ev(tOf('place', 'tray'), 'press', 'team-leader')];
      expect(live(reportFirst).feedback.at(-1)).toMatchObject({ kind: 'wrong-order', step: 'report-foreign-body', missing: ['remove-tray'] });
    });

    test('cleaning as you go takes at least 5 s', () => {
      const t = tOf('hold-start', 'cloth');
      expect(live([...before('hold-start', 'cloth'), ev(t, 'hold-start', 'cloth'), ev(t + 2000, 'hold-end', 'cloth')]).feedback.at(-1)).toMatchObject({
        kind: 'too-short',
        step: 'clean-as-you-go',
        minMs: 5000,
      });
    });
  });
});
