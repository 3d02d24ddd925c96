import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { joinWithCode, type JoinProblem } from '../results/join-client';
import type { TraineeIdentity } from '../results/trainee-identity';

export interface JoinPanelProps {
  initialCode: string;
  submitAtOnce: boolean;
  onJoined(identity: TraineeIdentity): void;
}

/** A card with a code on it: what the trainee holds in their hand. */
function CardIcon() {
  return (
    <svg viewBox="0 0 32 24" width="56" height="42" aria-hidden="true">
      <rect x="1" y="1" width="30" height="22" rx="3" fill="#fff" stroke="currentColor" strokeWidth="2" />
      <rect x="4" y="5" width="9" height="9" fill="currentColor" />
      <rect x="16" y="6" width="12" height="2.5" fill="currentColor" />
      <rect x="16" y="11" width="9" height="2.5" fill="currentColor" />
      <rect x="4" y="17" width="24" height="2.5" fill="currentColor" />
    </svg>
  );
}

/** Type the code from the trainer's card (or arrive with it from the QR): the device then uploads as this trainee. */
export default function JoinPanel({ initialCode, submitAtOnce, onJoined }: JoinPanelProps) {
  // Its texts are a namespace of their own (locales/<lng>/join.json), loaded with this panel.
  const { t } = useTranslation('join');
  const [code, setCode] = useState(initialCode);
  const [problem, setProblem] = useState<JoinProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const errorId = useId();
  const sentAtOnce = useRef(false);

  const send = async (value: string) => {
    setBusy(true);
    setProblem(null);
    const answer = await joinWithCode(value);
    setBusy(false);
    // The code stays in the field on any problem, so the trainee can correct one character.
    if (answer.kind === 'problem') setProblem(answer.problem);
    else onJoined(answer.identity);
  };

  useEffect(() => {
    if (!submitAtOnce || sentAtOnce.current) return;
    sentAtOnce.current = true;
    void send(initialCode);
    // Once, for the code the address brought.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send(code);
  };

  return (
    <form className="join" onSubmit={submit} data-testid="join-form" aria-busy={busy}>
      <CardIcon />
      <label htmlFor={inputId}>{t('enterCode')}</label>
      <input
        id={inputId}
        name="join-code"
        value={code}
        onChange={(e) => setCode(e.target.value)}
        maxLength={30}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        inputMode="text"
        aria-invalid={problem !== null}
        aria-describedby={problem ? errorId : undefined}
        data-testid="join-code"
      />
      <button type="submit" className="primary big" disabled={busy || code.trim() === ''} data-action="join-submit">
        {t('submit')}
      </button>
      {problem ? (
        <p id={errorId} role="alert" className="join-error" data-problem={problem}>
          {t(`error.${problem}`)}
        </p>
      ) : null}
    </form>
  );
}
