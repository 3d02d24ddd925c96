import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxSnapshot } from './outbox-sync';
import { outbox } from './outbox-runtime';

/** The refused results as a JSON file a trainer can hand to whoever runs the server. */
function exportRefused(snapshot: OutboxSnapshot) {
  const blob = new Blob([JSON.stringify(snapshot.refused, null, 2)], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `werkvloer-not-accepted-${new Date().toISOString().slice(0, 10)}.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

// Above the 3D view on every screen, out of the way of the instruction panel.
const panelStyle = {
  position: 'fixed',
  left: '0.5rem',
  bottom: '0.5rem',
  zIndex: 10,
  maxWidth: 'min(32rem, 90vw)',
  maxHeight: '40vh',
  overflow: 'auto',
  padding: '0.5rem 0.75rem',
  background: 'rgba(255, 255, 255, 0.95)',
  color: '#111',
  borderRadius: '0.5rem',
} as const;

/**
 * How many results wait on this device, and the ones the server did not accept (with its reason).
 * `inline` puts it in the flow of the end screen's overlay: docked in the corner it would cover that
 * overlay's buttons once the review makes it tall.
 */
export default function OutboxStatus({ inline = false }: { inline?: boolean }) {
  const { t } = useTranslation('results');
  const [snapshot, setSnapshot] = useState<OutboxSnapshot | null>(null);
  useEffect(() => {
    let off: (() => void) | undefined;
    let cancelled = false;
    void outbox().then((sync) => {
      if (cancelled) return;
      setSnapshot(sync.state);
      off = sync.subscribe(setSnapshot);
    });
    return () => {
      cancelled = true;
      off?.();
    };
  }, []);
  if (!snapshot || (snapshot.waiting === 0 && snapshot.refused.length === 0)) return null;
  return (
    <section className="outbox" aria-live="polite" data-testid="outbox" style={inline ? undefined : panelStyle}>
      {snapshot.waiting > 0 ? (
        <p data-testid="outbox-waiting" data-count={snapshot.waiting}>
          {t('waiting', { count: snapshot.waiting })}
        </p>
      ) : null}
      {snapshot.refused.length > 0 ? (
        <details data-testid="outbox-refused" data-count={snapshot.refused.length}>
          <summary>{t('refused', { count: snapshot.refused.length })}</summary>
          <ul>
            {snapshot.refused.map((r) => (
              <li key={r.id} data-session-id={r.id}>
                {r.record.scenarioId} · {new Date(r.record.endedAt).toLocaleString()} · {r.status} {r.reason}: {r.message}
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => exportRefused(snapshot)}>
            {t('export')}
          </button>
        </details>
      ) : null}
    </section>
  );
}
