import { posix } from 'node:path';

/**
 * The path as the router and the static files read it: percent-decoded, `//`, `.` and `..` resolved.
 * `/%61pi/groups` reaches the /api/groups route and `/x/../dashboard.html` the dashboard file, so the
 * check must see them as such (issue 18 item 6).
 */
export function canonicalPath(rawPath: string): string {
  let decoded = rawPath;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    // Malformed escapes: the router refuses those (400); judge the raw text.
  }
  return posix.normalize(`/${decoded}`);
}
