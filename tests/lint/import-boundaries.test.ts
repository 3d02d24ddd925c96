import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

// Runs the project's own ESLint config on small fixtures placed (virtually) in each layer, so each
// forbidden direction is proven to fire and each allowed one to pass.
const root = fileURLToPath(new URL('../..', import.meta.url));
const RULE = '@typescript-eslint/no-restricted-imports';
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = x;\n`, { filePath });
  return result!.messages.filter((m) => m.ruleId === RULE).map((m) => m.message);
}

describe('imports run downward', () => {
  const upward: Array<[string, string, RegExp]> = [
    ['src/world/fixture.tsx', "import { x } from '../app/step-view';", /station kit must not import src\/app/],
    ['src/world/kit/fixture.tsx', "import { x } from '../../play/station-canvas';", /src\/play/],
    ['src/audio/fixture.ts', "import { x } from '../app/app';", /audio and vocabulary must not import src\/app/],
    ['src/vocabulary/fixture.ts', "import { x } from '../app/app';", /audio and vocabulary must not import src\/app/],
    ['src/state/fixture.ts', "import { x } from '../world/index';", /state and input must not import .*src\/world/],
    ['src/play/fixture.tsx', "import { x } from '../app/start-screen';", /play shell must not import src\/app/],
    ['src/dashboard/fixture.ts', "import { x } from '../server/dashboard/session-timeline';", /dashboard must not import src\/server/],
    ['src/dashboard/pages/fixture.ts', "import { x } from '../../server/app';", /dashboard must not import src\/server/],
    ['src/dashboard/fixture.ts', "import { x } from 'three';", /never loads three.js/],
  ];
  it.each(upward)('%s: %s is an error', async (file, code, message) => {
    const messages = await restricted(file, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(message);
  });

  const downward: Array<[string, string]> = [
    ['src/world/fixture.tsx', "import { x } from '../state/step-view';"],
    ['src/play/fixture.tsx', "import { x } from '../world/index';"],
    ['src/app/fixture.tsx', "import { x } from '../play/station-canvas';"],
    ['src/dashboard/fixture.ts', "import type { x } from '../shared/timeline-types';"],
    ['src/audio/fixture.ts', "import { x } from '../state/step-view';"],
  ];
  it.each(downward)('%s: %s is allowed', async (file, code) => {
    expect(await restricted(file, code)).toEqual([]);
  });
});

describe('a station imports only the front door, engine types, its folder and its sector _shared folder', () => {
  const station = 'scenes/wood/panel-saw/fixture.tsx';
  it.each([
    ["import { x } from '../../../src/world/interactable';", /only through its front door/],
    ["import { x } from '../../../src/state/session-context';", /only through its front door/],
    ["import { x } from '../../../src/app/app';", /only through its front door/],
    ["import { x } from '../../../src/engine';", /only the engine's types/],
    ["import { x } from '../intro-workbench/station';", /never another station/],
    ["import { x } from '../../food/_shared/parts';", /never another station/],
    ["export { default as x } from '../intro-workbench/station';", /never another station/],
  ])('%s is an error', async (code, message) => {
    const messages = await restricted(station, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(message);
  });

  it.each([
    "import { x } from '../../../src/world';",
    "import { x } from '../../../src/world/index';",
    "import type { x } from '../../../src/engine';",
    "import { x } from './saw-blade';",
    "import { x } from '../_shared/parts';",
    "import { x } from 'three';",
  ])('%s is allowed', async (code) => {
    expect(await restricted(station, code)).toEqual([]);
  });

  it('holds for the template and the tutorial one level up too', async () => {
    expect(await restricted('scenes/_template/fixture.tsx', "import { x } from '../../src/world/grabbable';")).toHaveLength(1);
    expect(await restricted('scenes/_template/fixture.tsx', "import { x } from '../../src/world';")).toEqual([]);
  });
});
