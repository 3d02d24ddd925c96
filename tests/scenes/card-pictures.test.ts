import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadScene } from '../../scripts/check-scenes';
import { loadLayoutFile } from '../../scripts/layout-file';
import { stationFolders } from '../e2e/support/stations';

// Trainees who read little choose by the picture first, the caption second (issue 21): a question
// whose cards carry pictures shows one on every card, each a different one, each a file under assets/.

const root = process.cwd();
const cardSets = (folder: string) => {
  const file = join(root, 'scenes', folder, 'scenario.json');
  const { layout } = loadLayoutFile(root, file, loadScene(root, file).scenario!);
  return (layout?.parts ?? []).flatMap((p, i) => (p.part === 'cards' ? [{ at: `scenes/${folder}/layout.json $.parts[${i}] (${p.object})`, action: p.action, cards: p.cards }] : []));
};

/**
 * Every classify question is pictured (good or which defect: the defect shown on the part); so are the
 * answer questions whose answers are things to see or do (the allergens, the pipe's wall, the needle,
 * the shirt's pieces, what to do about a cracked guard). Answers that are numbers read off a document or a display
 * (a length, a count, a program number, fault points) keep their coloured cards: the number is the answer.
 */
const pictured = stationFolders(root).filter((f) => cardSets(f).some((s) => s.action === 'classify'));
const picturedAnswers = ['food/packaging-line label-roll', 'plastics/extrusion-line wall-gauge', 'textile/lockstitch-sewing work-order', 'textile/lockstitch-sewing needle', 'wood/panel-saw team-leader'];

describe.each(stationFolders(root))('%s: the pictures on its cards', (folder) => {
  test('each question pictures all its cards or none, never one picture twice, every picture an SVG under assets/', () => {
    for (const set of cardSets(folder)) {
      const pictures = set.cards.map((c) => c.pictogram).filter((p): p is string => p !== undefined);
      if (pictures.length === 0) continue;
      expect(pictures, `${set.at}: every card pictured`).toHaveLength(set.cards.length);
      expect(new Set(pictures).size, `${set.at}: ${pictures.join(', ')}`).toBe(pictures.length);
      for (const p of pictures) {
        expect(p, set.at).toMatch(/^pictograms\/[a-z0-9-]+\.svg$/);
        expect(existsSync(join(root, 'assets', p)), `${set.at}: assets/${p}`).toBe(true);
        expect(readFileSync(join(root, 'assets', p), 'utf8'), p).toMatch(/<title>[^<]+<\/title>/);
      }
    }
  });
});

describe.each(pictured)('%s: pictured questions', (folder) => {
  test('every card of a classify question (good or which defect, whole or damaged) carries a picture', () => {
    const sets = cardSets(folder).filter((s) => s.action === 'classify');
    expect(sets.length).toBeGreaterThan(0);
    for (const set of sets) expect(set.cards.filter((c) => !c.pictogram).map((c) => c.id), set.at).toEqual([]);
  });

  test('one picture means one thing: the same picture is never on cards with different answers', () => {
    const meaning = new Map<string, string>();
    for (const set of cardSets(folder))
      for (const c of set.cards) {
        if (!c.pictogram) continue;
        const was = meaning.get(c.pictogram);
        if (was !== undefined) expect(was, `${set.at}: ${c.pictogram}`).toBe(c.label);
        meaning.set(c.pictogram, c.label);
      }
  });
});

describe('answers that are things to see', () => {
  test.each(picturedAnswers)('%s: every card carries a picture', (question) => {
    const [folder, object] = question.split(' ') as [string, string];
    const set = cardSets(folder).find((s) => s.at.endsWith(`(${object})`));
    expect(set, question).toBeDefined();
    expect(set!.cards.filter((c) => !c.pictogram).map((c) => c.id), set!.at).toEqual([]);
  });
});

test('the stations with classify questions are the ones expected (a station whose questions all lost their kind would drop out unseen)', () => {
  expect(pictured).toEqual(expect.arrayContaining(['food/hygiene-sluice-line-be', 'food/hygiene-sluice-line-nl', 'food/packaging-line', 'plastics/injection-moulding', 'wood/panel-saw']));
});
