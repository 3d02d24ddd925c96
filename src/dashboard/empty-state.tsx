import type { ReactNode } from 'react';

/** An empty page says what it will show and what to do next, not just "nothing". */
export function EmptyState({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <div className="empty" role="note" data-testid={testId}>
      <strong>{title}</strong>
      <p>{children}</p>
    </div>
  );
}
