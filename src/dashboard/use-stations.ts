import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLoad } from './use-load';

export interface StationInfo {
  id: string;
  title: string;
  /** The country whose rules it follows; null when it fits every country. */
  country: string | null;
  passScore: number;
  steps: { id: string; competency: string; text: string; pictogram?: string }[];
  rules: { id: string; text: string }[];
}

/** The stations an organisation of this country works with: its own country's variants and those for every country. */
export function stationsForCountry<S extends { country: string | null }>(stations: readonly S[], country: string | null): S[] {
  return stations.filter((s) => !country || !s.country || s.country === country);
}

/**
 * Station titles and step texts in the dashboard's language, from the server's scenarios. `list` (what
 * every picker and filter offers) follows the organisation's country: a Belgian centre never sees the
 * Dutch food station. `title` and `byId` know every station, for sessions stored before a change of country.
 */
export function useStations() {
  const { i18n } = useTranslation();
  const loaded = useLoad<{ stations: StationInfo[] }>(`/api/dashboard/stations?lng=${i18n.language}`);
  const organisation = useLoad<{ country: string | null }>('/api/organisation');
  const country = organisation.data?.country ?? null;
  // Nothing is offered until the country is known (a list that shrinks under the trainer's eyes misleads).
  const settled = organisation.data !== null || organisation.error !== null;
  return useMemo(() => {
    const all = loaded.data?.stations ?? [];
    const byId = new Map(all.map((s) => [s.id, s]));
    return { list: settled ? stationsForCountry(all, country) : [], country, byId, title: (id: string) => byId.get(id)?.title ?? id };
  }, [loaded.data, country, settled]);
}

/** Station titles in a given language (a report's Dutch copy and the trainee's own), whatever the trainer reads. */
export function useStationTitles(lng: string | null): (id: string) => string {
  const loaded = useLoad<{ stations: StationInfo[] }>(lng ? `/api/dashboard/stations?lng=${lng}` : null);
  return useMemo(() => {
    const byId = new Map((loaded.data?.stations ?? []).map((s) => [s.id, s.title]));
    return (id: string) => byId.get(id) ?? id;
  }, [loaded.data]);
}
