/** The engine's public surface: the app, the server, scripts and tests import from here only. */
export type {
  Competency,
  Continuation,
  Device,
  EngineState,
  Feedback,
  FeedbackKind,
  Halt,
  MachineState,
  Mistake,
  MistakeKind,
  Mode,
  ScoreResult,
  SessionEvent,
  Severity,
  StepProgress,
  StepScore,
  Violation,
} from './types';
export { competencies } from './types';
export { scenarioSchema, sessionEventSchema, stepActions, eventActions } from './schema';
export type { Condition, EventMatch, Scenario, ScenarioInput, ScenarioMachine, SafeState, ScenarioRule, ScenarioSequence, ScenarioStep } from './schema';
export { parseScenario, type ParseOptions, type ParseResult, type ScenarioIssue } from './parse';
export { translationKeys } from './check-locale';
export { canonicalJson, scenarioHash } from './hash';
export { initialState } from './state';
export { step } from './step';
export { replay, result, score } from './score';
export { languageTagProblem, maxLanguageTagLength } from './language-tag';
export { layoutSchema } from './layout-schema';
export type { KitPartName, Layout, LayoutInput, LayoutPart, LayoutShape } from './layout-schema';
export { parseLayout, placedObjects, type LayoutResult } from './parse-layout';
export { learningPathSchema } from './learning-path-schema';
export type { LearningPath, LearningPathInput, PathMastery, PathModule } from './learning-path-schema';
export { parseLearningPath, type LearningPathResult, type PathScenario } from './parse-learning-path';
export { countingPracticePasses, pathProgress, prerequisitesOf, reachesMastery, stuckOnModule } from './learning-path';
export type { ModuleAttempt, ModuleMastery, ModuleOverride, ModuleProgress, ModuleState, PathInput } from './learning-path';
