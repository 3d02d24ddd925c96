import { Text } from '@react-three/drei';
import '../world/text-setup';
import { useTranslation } from 'react-i18next';
import { languageInfo } from '../i18n/languages';
import { defaultFontUrl, fontForLanguage } from '../i18n/fonts';
import { useSession } from '../state/session-context';
import { comfortSettings } from '../input/comfort-settings';
import { useSessionStore } from '../state/session-context';
import { PanelButton } from './panel-button';
import { PanelPlates } from './panel-plates';
import { PanelWord } from './panel-word';
import { PictogramSlot } from '../world/pictogram-slot';
import { currentStepView } from '../state/step-view';
import { useState } from 'react';
import { useStore } from 'zustand';
import { instructionKey, instructionLanguage, repeatRequests } from '../audio/spoken-session';
import { heardInstructionKey, listenPictogram } from '../state/step-view';
import { useHasAudio } from '../audio/audio-availability';
import { feedbackText } from '../state/feedback-text';
import { AttemptPanel } from './attempt-panel';
import { vocabulary } from '../vocabulary/vocabulary';
import { sameWord } from '../vocabulary/same-word';
import { SettingsPanel } from './settings-panel';
import { TextProbe } from './text-probe';
import { useEffect } from 'react';
import { SpokenSession } from '../audio/spoken-session';
import { VocabularyTracker } from '../vocabulary/vocabulary-tracker';
import { lateUi } from '../state/late-ui';
import { Suspense, lazy } from 'react';
import { askForHelp, helpRequest, helpShown } from '../state/help-request';
import { columnAt, panelButtonColumn } from './panel-placement';

const noHit = () => null;
// The generic e2e driver's probe and test clock: in the test build only (the bundler drops it from
// every other), and here, after the station's first frame, so the budgeted first frame never carries it.
const DriverProbe = __WERKVLOER_TEST_BUILD__ ? lazy(() => import('./driver-probe')) : null;

export interface InstructionPanelProps {
  position: [number, number, number];
  onBack: () => void;
  /** In a headset the panel is drawn; on a screen only its voice and vocabulary run (the overlay shows the rest). */
  vr: boolean;
}

/**
 * The panel in front of the trainee: what to do now in their language, the Dutch word beside it,
 * and at the end the score. Renders only when the session state changes, never per frame.
 */
export default function InstructionPanel({ position, onBack, vr }: InstructionPanelProps) {
  const { t, i18n } = useTranslation(['ui', 'feedback']);
  const scenario = useSession((s) => s.scenario);
  const engine = useSession((s) => s.engine);
  const status = useSession((s) => s.status);
  const result = useSession((s) => s.result);
  const lastFeedback = useSession((s) => s.lastFeedback);
  const mode = useSession((s) => s.mode);
  const session = useSessionStore();
  const pointed = useStore(vocabulary, (s) => s.pointed);
  const [settingsOpen, setSettingsOpen] = useState(false);
  // No silent buttons: "Repeat" only where the instruction has a recording in this language.
  // A listening step is heard in Dutch (scenario `listen`), so its "listen again" asks for the Dutch file.
  const canRepeat = useHasAudio(useSession((s) => instructionLanguage(s, i18n.language)), [useSession(instructionKey)]);
  // This chunk loads after the station's first frame: the overlay's extras may follow now.
  useEffect(() => lateUi.setState({ ready: true, vr }), [vr]);
  // The call for help: live only for a signed-in trainee (src/results/progress-runtime.ts).
  const help = useStore(helpRequest, helpShown);
  const helpLive = useStore(helpRequest, (s) => s.live);
  if (!scenario || !engine) return null;
  const lang = languageInfo(i18n.language);
  const font = fontForLanguage(lang.code);
  const rtl = lang.dir === 'rtl';
  const anchorX = rtl ? 'right' : 'left';
  // Right-to-left mirrors the panel: the picture leads on the right, text runs from the right edge.
  const side: 1 | -1 = rtl ? -1 : 1;
  const picture = -0.43 * side;
  const x = -0.32 * side;
  const view = currentStepView(scenario, engine);
  // A safety message outranks "well done" from the same action.
  const pointedObject = pointed ? scenario.objects.find((o) => o.id === pointed) : undefined;
  const pointedTranslation = pointedObject ? t(`${scenario.id}:${pointedObject.name}`) : '';
  const feedback = lastFeedback.find((f) => f.kind === 'rule-violated' || f.kind === 'stopped') ?? lastFeedback[lastFeedback.length - 1];

  // Voice and vocabulary run for desktop and VR alike; they draw nothing.
  const unseen = (
    <>
      <TextProbe />
      {DriverProbe ? (
        <Suspense fallback={null}>
          <DriverProbe />
        </Suspense>
      ) : null}
      <SpokenSession />
      <VocabularyTracker />
    </>
  );
  // On a screen the HTML overlay (src/app/play-hud.tsx) says all of this already, with its own
  // buttons: drawn as well, the panel showed the same text twice, half behind the overlay.
  if (!vr) {
    return (
      <group position={position} name="instruction-panel">
        {unseen}
      </group>
    );
  }

  return (
    <group position={position} name="instruction-panel">
      <PanelPlates>
      {unseen}
      <mesh position={[0, 0, -0.01]}>
        <planeGeometry args={[1.1, 0.55]} />
        <meshBasicMaterial color="#102a43" transparent opacity={0.92} />
      </mesh>
      {pointedObject ? (
        // What the trainee points at: its Dutch word (always Latin, left to right) and their translation.
        // A label only: it never catches a ray (it appears while pointing, in the way of the next aim).
        <group position={[0, 0.36, 0]} name="pointed-word">
          <mesh position={[0, 0, -0.01]} raycast={noHit}>
            <planeGeometry args={[1.1, 0.13]} />
            <meshBasicMaterial color="#243b53" />
          </mesh>
          <Text font={defaultFontUrl} position={[-0.02 * side, 0, 0]} fontSize={0.045} maxWidth={0.5} textAlign={rtl ? 'left' : 'right'} color="#ffd866" anchorX={rtl ? 'left' : 'right'} anchorY="middle" direction="ltr" raycast={noHit}>
            {pointedObject.term}
          </Text>
          {sameWord(pointedObject.term, pointedTranslation) ? null : (
            <Text font={font} position={[0.02 * side, 0, 0]} fontSize={0.04} maxWidth={0.5} color="#ffffff" anchorX={anchorX} anchorY="middle" direction={lang.dir} raycast={noHit}>
              {pointedTranslation}
            </Text>
          )}
        </group>
      ) : null}
      {settingsOpen ? <SettingsPanel position={[panelButtonColumn.x + panelButtonColumn.width / 2 + 0.33, -0.1, 0]} /> : null}
      {(status === 'ended' && result) || (status === 'playing' && engine.halted) ? (
        // The result and what to learn from it, or practice stopped by a critical rule (src/world/attempt-panel.tsx).
        <AttemptPanel scenario={scenario} engine={engine} result={status === 'ended' ? result : null} font={font} dir={lang.dir} onBack={onBack} />
      ) : (
        <>
          <Text font={font} position={[x, 0.2, 0]} fontSize={0.035} color="#9fb3c8" anchorX={anchorX} anchorY="top" direction={lang.dir}>
            {t('ui:play.nextStep')}
          </Text>
          {/* A listening step: an ear instead of the picture and no words, only "listen again" (below). */}
          <PictogramSlot src={view?.textHidden ? listenPictogram : view?.pictogram} size={0.16} position={[picture, 0.1, 0]} />
          {view?.textHidden ? null : (
            <Text font={font} position={[x, 0.14, 0]} maxWidth={0.8} fontSize={0.05} color="#ffffff" anchorX={anchorX} anchorY="top" direction={lang.dir}>
              {view ? t(`${scenario.id}:${view.instructionKey}`) : t('ui:play.allDone')}
            </Text>
          )}
          {/* The Dutch word, said in Dutch when pressed (src/play/panel-word.tsx). */}
          {view?.dutchTerm && !view.textHidden ? <PanelWord term={view.dutchTerm} x={x} y={-0.08} side={side} /> : null}
          {feedback ? (
            <Text font={font} position={[x, -0.18, 0]} maxWidth={0.8} fontSize={0.04} color={feedback.kind === 'step-completed' ? '#7ee787' : '#ff7b72'} anchorX={anchorX} anchorY="top" direction={lang.dir}>
              {feedbackText(t, i18n.language, scenario, feedback, engine)}
              {heardLine(scenario.id, heardInstructionKey(scenario, feedback), t, i18n.language)}
            </Text>
          ) : null}
          {/* The buttons in a column beside the plate, never under it: the panel stays clear of the bench (issue 21). */}
          {helpLive ? (
            <PanelButton name="panel-help" label={t(`ui:help.${help}`)} font={font} width={panelButtonColumn.width} position={columnAt(0)} active={help === 'coming'} onPress={() => askForHelp()} />
          ) : null}
          {mode === 'practice' && view?.hintKey ? (
            <PanelButton
              name="panel-hint"
              label={t('ui:play.hint')}
              font={font}
              width={panelButtonColumn.width}
              position={columnAt(1)}
              onPress={(device) => session.getState().act('hint', view.stepId, device)}
            />
          ) : null}
          {canRepeat ? <PanelButton name="panel-repeat" label={t(view?.textHidden ? 'ui:play.listenAgain' : 'ui:play.repeat')} font={font} width={panelButtonColumn.width} position={columnAt(2)} onPress={() => repeatRequests.getState().repeat()} /> : null}
          <PanelButton name="panel-recenter" label={t('ui:play.recenter')} font={font} width={panelButtonColumn.width} position={columnAt(3)} onPress={() => comfortSettings.getState().recenter()} />
          <PanelButton name="panel-settings" label={t('ui:settings.title')} font={font} width={panelButtonColumn.width} position={columnAt(4)} onPress={() => setSettingsOpen((o) => !o)} />
        </>
      )}
      </PanelPlates>
    </group>
  );
}

/** After a listening step: the Dutch sentence heard and its translation, on new lines under the feedback. */
function heardLine(ns: string, key: string | undefined, t: (key: string, options?: { lng: string }) => string, language: string): string {
  if (!key) return '';
  const dutch = t(`${ns}:${key}`, { lng: 'nl' });
  const own = t(`${ns}:${key}`);
  return `\n${t('ui:play.youHeard')}: ${dutch}${language === 'nl' || own === dutch ? '' : `\n${own}`}`;
}
