import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { nextModule, traineePathStore } from '../state/trainee-path-store';
import { PanelButton } from './panel-button';

export interface VrNextButtonProps {
  font: string;
  position: [number, number, number];
  width: number;
}

/**
 * "What's next" on the headset's end panel (issue 26), the same as the end screen's: the next module
 * of the trainee's path, started in one press (its exam when the path has opened it) without leaving
 * VR — the station changes around the trainee. Nothing without a path, or once it is all done. Its
 * own chunk, loaded at the end of an attempt.
 */
export default function VrNextButton({ font, position, width }: VrNextButtonProps) {
  const { t } = useTranslation(['ui', 'stations']);
  const { view, pending, startModule } = useStore(traineePathStore);
  const next = pending ? null : nextModule(view);
  if (!next || !startModule) return null;
  const mode = next.examOpen ? 'exam' : 'practice';
  const label = `${t(mode === 'exam' ? 'ui:path.startExam' : 'ui:path.startPractice')}: ${t(`stations:${next.scenarioId}.title`)}`;
  return <PanelButton name="panel-next-module" label={label} font={font} width={width} position={position} onPress={() => startModule(next.scenarioId, mode)} />;
}
