import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { needsHelp, type LiveTile } from '../../shared/live-tile';
import { api } from '../api';
import { held, isOnline, onStepNow, sortTiles, type HeldTile } from '../live-tiles';
import { usePageTexts } from '../page-texts';
import { useStations } from '../use-stations';

const namespace = 'dashboard-live';

function minutes(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * The class as it plays (issue 28): one tile per live attempt of the trainer's organisation, the
 * ones who need help first. Fed by GET /api/dashboard/live-attempts (server-sent events); time on
 * a step and online/offline move with this page's own clock between messages.
 */
export function LiveClassPage() {
  const ready = usePageTexts(namespace);
  const { t } = useTranslation(namespace);
  const stations = useStations();
  const [tiles, setTiles] = useState<Map<string, HeldTile>>(() => new Map());
  const [connected, setConnected] = useState(true);
  const [now, setNow] = useState(() => Date.now());
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const source = new EventSource('/api/dashboard/live-attempts');
    source.addEventListener('tile', (e) => {
      const tile = JSON.parse((e as MessageEvent<string>).data) as LiveTile;
      setTiles((m) => new Map(m).set(tile.attemptId, held(tile, Date.now())));
    });
    source.addEventListener('gone', (e) => {
      const { attemptId } = JSON.parse((e as MessageEvent<string>).data) as { attemptId: string };
      setTiles((m) => {
        const next = new Map(m);
        next.delete(attemptId);
        return next;
      });
    });
    // After a reconnect the server sends every live attempt again, then `ready`.
    source.addEventListener('ready', () => setConnected(true));
    source.onerror = () => setConnected(false);
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => {
      source.close();
      clearInterval(tick);
    };
  }, []);

  if (!ready) return <p role="status">…</p>;

  const acknowledge = async (tile: LiveTile) => {
    try {
      await api('POST', `/api/dashboard/live-attempts/${tile.attemptId}/help-acknowledged`, { request: tile.helpAsked });
      setProblem(null);
    } catch (err) {
      setProblem(t('error', { message: (err as Error).message }));
    }
  };
  const sorted = sortTiles([...tiles.values()], now);

  return (
    <section aria-labelledby="live-title">
      <h1 id="live-title">{t('title')}</h1>
      <p>{t('intro')}</p>
      {connected ? null : (
        <p role="alert" data-testid="live-reconnecting">
          {t('reconnecting')}
        </p>
      )}
      {problem ? <p role="alert">{problem}</p> : null}
      {sorted.length === 0 ? (
        <p className="card" data-testid="live-empty">
          {t('empty')}
        </p>
      ) : null}
      <ul className="live-tiles" aria-label={t('title')}>
        {sorted.map((h) => (
          <Tile key={h.tile.attemptId} h={h} now={now} stations={stations} onAcknowledge={acknowledge} />
        ))}
      </ul>
      <p className="live-note">{t('anonymousNote')}</p>
    </section>
  );
}

function Tile({ h, now, stations, onAcknowledge }: { h: HeldTile; now: number; stations: ReturnType<typeof useStations>; onAcknowledge(tile: LiveTile): void }) {
  const { t, i18n } = useTranslation(namespace);
  const tile = h.tile;
  const station = stations.byId.get(tile.scenarioId);
  const step = tile.step ? station?.steps.find((s) => s.id === tile.step!.id) : undefined;
  const why = needsHelp(tile);
  const online = isOnline(h, now);
  const onStep = onStepNow(h, now);
  const answered = tile.helpAsked > 0 && tile.helpAcknowledged >= tile.helpAsked && !tile.finished;
  return (
    <li
      className={`card live-tile${why ? ' needs-help' : ''}${online ? '' : ' offline'}`}
      data-testid="live-tile"
      data-trainee={tile.trainee.code}
      data-steps-done={tile.stepsDone}
      data-step={tile.step?.id ?? ''}
      data-needs-help={why ?? ''}
      data-online={online}
      data-finished={tile.finished ? tile.finished.score : ''}
    >
      <h2>
        {tile.trainee.code}
        {tile.trainee.alias ? <span className="muted"> ({tile.trainee.alias})</span> : null}
      </h2>
      <p>
        {stations.title(tile.scenarioId)} · {t(`mode.${tile.mode}`)} · {t(tile.device.startsWith('vr') ? 'device.vr' : 'device.screen')}
      </p>
      <p>
        {why ? <span className="badge danger" data-testid="needs-help">{t(`needsHelp.${why}`)}</span> : null}{' '}
        {tile.finished ? (
          <span className="badge" data-testid="finished">
            {t(tile.finished.passed ? 'finishedPassed' : 'finishedFailed', { score: tile.finished.score })}
          </span>
        ) : (
          <span className="badge">{t(online ? 'online' : 'offline')}</span>
        )}
      </p>
      {tile.finished ? null : (
        <p className="live-step">
          {step?.pictogram ? <img src={`/${step.pictogram.replace(/^\/+/, '')}`} alt="" width={40} height={40} /> : null}
          <span>
            {tile.step ? (step?.text ?? tile.step.id) : t('allDone')}
            {onStep !== null ? <span className="muted"> · {t('onStep', { time: minutes(onStep) })}</span> : null}
          </span>
        </p>
      )}
      <p>
        {t('stepsDone', { done: tile.stepsDone, total: tile.stepsTotal })} · {t('mistakes', { count: tile.mistakes })} · {t('violations', { count: tile.violations })}
        {tile.critical > 0 ? ` (${t('critical', { count: tile.critical })})` : ''} · {t('hints', { count: tile.hints })}
      </p>
      {why === 'asked' ? (
        <button type="button" data-action="acknowledge-help" onClick={() => onAcknowledge(tile)}>
          {t('acknowledge')}
        </button>
      ) : null}
      {answered ? <p data-testid="help-acknowledged">{t('acknowledged')}</p> : null}
      {/* The replay page's live mode (its own entry: three.js never enters the dashboard); the headset sends its poses while it is open. */}
      {tile.finished ? null : (
        <a href={`/replay.html?${new URLSearchParams({ live: tile.attemptId, lng: i18n.language }).toString()}`} data-action="watch-3d">
          {t('watch3d')}
        </a>
      )}
    </li>
  );
}
