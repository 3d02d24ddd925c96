// The Belgian and the Dutch variant play on one floor (scenes/food/_shared/): only the scenario data
// (floor words, legal temperatures, sources) and its locale namespace differ, read from the session.
export { default } from '../_shared/hygiene-sluice-line/station';
