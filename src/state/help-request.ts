import { createStore } from 'zustand/vanilla';

export interface HelpRequestState {
  /** Times "I need help" was pressed in this live attempt (the progress message's `helpAsked`). */
  asked: number;
  /** The last of those a trainer acknowledged, as the server said. */
  answered: number;
  /** "Help is coming" is shown: the trainer answered, and the trainee has not done a step since. */
  coming: boolean;
  /** The last progress message could not be sent: the trainer may not know. */
  unreachable: boolean;
  /** Whether this attempt reaches a trainer at all (signed in: yes; anonymous practice: no). */
  live: boolean;
}

/** What the help button shows. */
export function helpShown(s: HelpRequestState): 'ask' | 'asked' | 'unreachable' | 'coming' {
  if (s.asked > s.answered) return s.unreachable ? 'unreachable' : 'asked';
  return s.coming ? 'coming' : 'ask';
}

export const initialHelp: HelpRequestState = { asked: 0, answered: 0, coming: false, unreachable: false, live: false };

/** The trainee's call for help in the current live attempt, shared by the overlay's button and the VR panel's. */
export const helpRequest = createStore<HelpRequestState>()(() => initialHelp);

/** The trainee presses "I need help": asked once more, unless a call is already waiting for an answer. */
export function askForHelp(): void {
  const s = helpRequest.getState();
  if (!s.live || s.asked > s.answered) return;
  helpRequest.setState({ asked: s.asked + 1, coming: false });
}

/** The server's answer to a progress message: the trainer's acknowledgement, or that it could not be sent. */
export function heardFromServer(answer: { helpAcknowledged: number } | null): void {
  const s = helpRequest.getState();
  if (answer === null) {
    if (!s.unreachable) helpRequest.setState({ unreachable: true });
    return;
  }
  const answered = Math.min(Math.max(s.answered, answer.helpAcknowledged), s.asked);
  const coming = answered > s.answered ? answered >= s.asked : s.coming;
  if (answered !== s.answered || coming !== s.coming || s.unreachable) helpRequest.setState({ answered, coming, unreachable: false });
}

/** A step was done: whatever help came has been given. */
export function helpGiven(): void {
  if (helpRequest.getState().coming) helpRequest.setState({ coming: false });
}
