// The Dutch variant plays on the same floor as the Belgian one: only the scenario data (floor words,
// sources) and its locale namespace differ, and the composition reads those from the session.
export { default } from '../hygiene-sluice-line-be/station';
