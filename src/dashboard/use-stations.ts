import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLoad } from './use-load';

export interface StationInfo {
  id: string;
  title: string;
  /** The country whose rules it follows; null when it fits every country. */
  country: string | null;
  passScore: number;
  steps: { id: string; competency: string; text: string }[];
  rules: { id: string; text: string }[];
}

/** Station titles and step texts in the dashboard's language, from the server's scenarios. */
export function useStations() {
  const { i18n } = useTranslation();
  const loaded = useLoad<{ stations: StationInfo[] }>(`/api/dashboard/stations?lng=${i18n.language}`);
  return useMemo(() => {
    const list = loaded.data?.stations ?? [];
    const byId = new Map(list.map((s) => [s.id, s]));
    return { list, byId, title: (id: string) => byId.get(id)?.title ?? id };
  }, [loaded.data]);
}
