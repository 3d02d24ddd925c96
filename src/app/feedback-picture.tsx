import type { EngineState, Feedback, Scenario } from '../engine';
import { assetUrl } from '../world/asset-url';
import { firstStep } from '../state/feedback-text';

/** "Not yet": the picture of the step to do first, beside the words that name it. */
export function FeedbackPicture({ scenario, feedback, engine }: { scenario: Scenario; feedback: Feedback; engine: EngineState }) {
  const step = firstStep(scenario, feedback, engine);
  if (!step) return null;
  const picture = step.pictogram ?? scenario.objects.find((o) => o.id === step.object)?.pictogram;
  if (!picture) return null;
  return <img className="pictogram" src={assetUrl(picture)} alt="" width={32} height={32} data-testid="first-step-pictogram" data-src={picture} data-step={step.id} />;
}
