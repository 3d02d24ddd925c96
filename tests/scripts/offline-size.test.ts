import { describe, expect, test } from 'vitest';
import { chunkSectors, kindOf, offlineSizes, precacheUrls, sectorOf } from '../../scripts/offline-size';

describe('offline size: what the service worker precaches, by kind, sector and language', () => {
  test('the precache URLs are read from the workbox manifest in sw.js', () => {
    const sw = 'define(["./workbox-1"],(function(e){e.precacheAndRoute([{url:"index.html",revision:"a1"},{url:"assets/index-x.js",revision:null},{url: "audio/nl/wood-panel-saw/steps.cut.instruction.ogg",revision:"b"}],{})}));';
    expect(precacheUrls(sw)).toEqual(['index.html', 'assets/index-x.js', 'audio/nl/wood-panel-saw/steps.cut.instruction.ogg']);
  });

  test('files are sorted into kinds; xr profiles and audio by their folder', () => {
    expect(kindOf('assets/station-wood-panel-saw-abc.js')).toBe('code');
    expect(kindOf('index.html')).toBe('code');
    expect(kindOf('assets/wood-panel-saw-abc.json')).toBe('texts');
    expect(kindOf('audio/nl/manifest.json')).toBe('audio');
    expect(kindOf('assets/NotoSans-Regular-abc.ttf')).toBe('fonts');
    expect(kindOf('assets/helmet-abc.glb')).toBe('models');
    expect(kindOf('xr-profiles/generic-hand/left.glb')).toBe('xr-profiles');
    expect(kindOf('pictograms/inspect.svg')).toBe('images');
  });

  test('a file belongs to the sector whose scenario id it names; shared voices and the word list to none', () => {
    expect(sectorOf('audio/fr/wood-cnc-nesting/rules.use-air-gun.ogg')).toBe('wood');
    expect(sectorOf('assets/station-food-packaging-line-abc.js')).toBe('food');
    expect(sectorOf('stations/plastics-extrusion-line.png')).toBe('plastics');
    expect(sectorOf('assets/textile-fabric-inspection-abc.json')).toBe('textile');
    expect(sectorOf('audio/nl/terms/houtstof.ogg')).toBeNull();
    expect(sectorOf('audio/en/feedback/step-completed.ogg')).toBeNull();
    expect(sectorOf('assets/index-abc.js')).toBeNull();
    // A word that merely starts like a sector is not one: no station id follows.
    expect(sectorOf('audio/nl/terms/woodwork.ogg')).toBeNull();
  });

  test('hashed station chunks get their sector from Vite\'s manifest', () => {
    const chunks = chunkSectors({
      'scenes/wood/panel-saw/station.tsx': { file: 'assets/station-B7NDeZNi.js' },
      'virtual:werkvloer/scenario/food/packaging-line': { file: 'assets/packaging-line-DKZ.js' },
      'scenes/food/_shared/hygiene-sluice-line/face-zone.tsx': { file: 'assets/face-zone-DWQ.js', css: ['assets/face-zone-x.css'] },
      'src/main.tsx': { file: 'assets/index-abc.js' },
    });
    expect(sectorOf('assets/station-B7NDeZNi.js', chunks)).toBe('wood');
    expect(sectorOf('assets/packaging-line-DKZ.js', chunks)).toBe('food');
    expect(sectorOf('assets/face-zone-x.css', chunks)).toBe('food');
    expect(sectorOf('assets/index-abc.js', chunks)).toBeNull();
  });

  test('the sums: total, kinds, sectors, shared and audio by language add up', () => {
    const s = offlineSizes([
      { url: 'index.html', bytes: 1000 },
      { url: 'assets/index-abc.js', bytes: 300_000 },
      { url: 'assets/station-wood-panel-saw-abc.js', bytes: 5000 },
      { url: 'audio/nl/wood-panel-saw/steps.cut.instruction.ogg', bytes: 20_000 },
      { url: 'audio/ar/wood-panel-saw/steps.cut.instruction.ogg', bytes: 25_000 },
      { url: 'audio/nl/food-packaging-line/steps.seal.instruction.ogg', bytes: 18_000 },
      { url: 'audio/nl/terms/zaag.ogg', bytes: 4000 },
      { url: 'xr-profiles/generic-hand/left.glb', bytes: 70_000 },
    ]);
    expect(s.files).toBe(8);
    expect(s.total).toBe(443_000);
    expect(s.byKind).toMatchObject({ code: 306_000, audio: 67_000, 'xr-profiles': 70_000, texts: 0 });
    expect(s.bySector).toEqual({ wood: 50_000, food: 18_000, plastics: 0, textile: 0 });
    expect(s.shared).toBe(375_000);
    expect(s.shared + s.bySector.wood + s.bySector.food).toBe(s.total);
    expect(s.audioByLanguage).toEqual({ nl: 42_000, ar: 25_000 });
    expect(s.sectorAudioByLanguage.wood).toEqual({ nl: 20_000, ar: 25_000 });
  });
});
