/**
 * How a headset's event log goes live while a trainer watches it in 3D (issue 28), so the live view
 * draws the station as the trainee changed it. Apart from the message's schema
 * (src/shared/live-progress.ts) so the headset's sender reads them without zod.
 */
/**
 * Characters of events (their JSON) in one live message. With the tile's fields and the last
 * second's poses the message stays well under PostgreSQL's 8000-byte NOTIFY payload, which carries
 * it to every instance; a longer log goes over the next messages, a second apart.
 */
export const maxLiveEventChars = 2500;
/** Events one instance keeps of a watched attempt (a station's log is a few hundred): memory stays bounded. */
export const maxLiveHeldEvents = 5000;
