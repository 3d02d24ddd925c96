/** Where a live stream is in arrival order: the last session's received_at and id. */
export interface LivePosition {
  at: string;
  id: string;
}

/** The SSE event id: `receivedAt|id`, what the browser sends back as Last-Event-ID. */
export function liveCursor(p: LivePosition): string {
  return `${p.at}|${p.id}`;
}

const isoUtc = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

/** A Last-Event-ID from this server, or null (anything else starts the stream from now). */
export function parseLiveCursor(text: string): LivePosition | null {
  const [at, id, ...rest] = text.split('|');
  if (rest.length > 0 || !at || id === undefined || !isoUtc.test(at) || Number.isNaN(Date.parse(at)) || id.length > 64) return null;
  return { at, id };
}

/** The ids a stream sent lately, so a catch-up never sends one twice; bounded. */
export class SentIds {
  private readonly ids = new Set<string>();
  constructor(private readonly max = 1000) {}

  has(id: string): boolean {
    return this.ids.has(id);
  }

  add(id: string) {
    this.ids.add(id);
    // A Set iterates in insertion order: the oldest goes first.
    if (this.ids.size > this.max) this.ids.delete(this.ids.values().next().value!);
  }
}
