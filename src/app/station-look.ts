import { assetUrl } from '../world/asset-url';

/** Each sector's colour: the tile's band and border, so a trainee finds their sector without reading. */
const sectorColours: Readonly<Record<string, string>> = {
  core: '#b7791f',
  wood: '#8b5e3c',
  food: '#1f7a4d',
  plastics: '#1f6feb',
  textile: '#8e44ad',
};

/**
 * How a station looks on its tile: the picture of its machine (assets/stations/<sector>-<station>.svg;
 * a country's variant shares its station's picture) and its sector's colour.
 */
export function stationLook(folder: string, sector: string): { picture: string; colour: string } {
  const [, station = folder] = folder.split('/');
  const name = `${sector}-${station.replace(/-(be|nl)$/, '')}`;
  return { picture: assetUrl(`stations/${name}.svg`), colour: sectorColours[sector] ?? '#486581' };
}
