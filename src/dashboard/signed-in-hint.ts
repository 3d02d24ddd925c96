/**
 * Whether this browser has a trainer signed in, as far as the dashboard knows: set at login, cleared at
 * logout and on any 401. The session cookie itself is HttpOnly, so without this hint the shell would
 * have to ask the server on every first visit — and that answer (401) shows as an error in the console.
 * Only the 401 of a session the server ended meanwhile (idle or too old) is still seen, once.
 */
const key = 'werkvloer.dashboard.signedIn';

export function maybeSignedIn(): boolean {
  try {
    return localStorage.getItem(key) === '1';
  } catch {
    // Storage refused (a locked-down browser): ask the server, as before.
    return true;
  }
}

export function rememberSignedIn(signedIn: boolean) {
  try {
    if (signedIn) localStorage.setItem(key, '1');
    else localStorage.removeItem(key);
  } catch {
    // Without storage the shell asks the server on every visit; nothing else depends on the hint.
  }
}
