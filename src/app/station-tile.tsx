import type { CSSProperties, ReactNode } from 'react';
import { stationLook } from './station-look';

export interface StationTileProps {
  /** `sector/station`, as in scenes/. */
  folder: string;
  sector: string;
  /** The station's name and its sector's name, already translated: captions under the picture. */
  title: string;
  sectorName: string;
  pressed?: boolean;
  disabled?: boolean;
  onChoose(folder: string): void;
  /** Extra content under the captions (a learning path map shows progress here). */
  children?: ReactNode;
}

/**
 * A station as a picture tile: the machine first, in its sector's colour, with the name as a caption
 * — a trainee who reads little finds it by sight. Used by the start screen and by the learning path map.
 */
export function StationTile({ folder, sector, title, sectorName, pressed, disabled, onChoose, children }: StationTileProps) {
  const look = stationLook(folder, sector);
  return (
    <button
      type="button"
      className="station-tile"
      style={{ '--sector': look.colour } as CSSProperties}
      aria-pressed={pressed}
      disabled={disabled}
      data-station={folder}
      onClick={() => onChoose(folder)}
    >
      {/* The caption names the station: the picture adds nothing for a screen reader. */}
      <img src={look.picture} alt="" />
      <strong>{title}</strong>
      <span>{sectorName}</span>
      {children}
    </button>
  );
}
