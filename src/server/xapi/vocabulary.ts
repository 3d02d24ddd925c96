/**
 * Every verb, activity type and extension the statements use (docs/xapi.md lists them with their
 * meaning). Known vocabularies first: ADL's verbs and activity types, cmi5's categories and
 * extensions. What no vocabulary has (a safety violation, a step, a rule, werkvloer's own
 * context) is named under the organisation's xAPI base, like every other IRI of this server.
 */
const adl = (name: string) => ({ id: `http://adlnet.gov/expapi/verbs/${name}`, display: { 'en-US': name } });

export const verbs = {
  launched: adl('launched'),
  initialized: adl('initialized'),
  completed: adl('completed'),
  passed: adl('passed'),
  failed: adl('failed'),
  terminated: adl('terminated'),
  scored: adl('scored'),
  attempted: adl('attempted'),
  asked: adl('asked'),
  violated: (base: string) => ({ id: `${base}/xapi/verbs/violated`, display: { 'en-US': 'violated' } }),
};

export const activityTypes = {
  simulation: 'http://adlnet.gov/expapi/activities/simulation',
  course: 'http://adlnet.gov/expapi/activities/course',
  step: (base: string) => `${base}/xapi/activity-types/step`,
  rule: (base: string) => `${base}/xapi/activity-types/rule`,
  hint: (base: string) => `${base}/xapi/activity-types/hint`,
  sector: (base: string) => `${base}/xapi/activity-types/sector`,
  object: (base: string) => `${base}/xapi/activity-types/station-object`,
};

export const cmi5 = {
  category: 'https://w3id.org/xapi/cmi5/context/categories/cmi5',
  moveOn: 'https://w3id.org/xapi/cmi5/context/categories/moveon',
  sessionId: 'https://w3id.org/xapi/cmi5/context/extensions/sessionid',
  launchMode: 'https://w3id.org/xapi/cmi5/context/extensions/launchmode',
  launchUrl: 'https://w3id.org/xapi/cmi5/context/extensions/launchurl',
  moveOnExtension: 'https://w3id.org/xapi/cmi5/context/extensions/moveon',
  masteryScore: 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore',
};

/** werkvloer's own extension keys: `<base>/xapi/extensions/<name>`. */
export const extensionNames = ['mode', 'station-version', 'competency', 'mistake', 'severity', 'critical', 'penalty', 'points', 'hints', 'mistakes'] as const;
export type ExtensionName = (typeof extensionNames)[number];
export const extension = (base: string, name: ExtensionName) => `${base}/xapi/extensions/${name}`;
