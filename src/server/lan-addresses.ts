import { hostname, networkInterfaces } from 'node:os';

/** The machine's IPv4 addresses a headset on the same Wi-Fi can reach (not loopback, not link-local). */
export function lanAddresses(): string[] {
  const out: string[] = [];
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) {
      if (a.family === 'IPv4' && !a.internal && !a.address.startsWith('169.254.')) out.push(a.address);
    }
  }
  return [...new Set(out)];
}

export function machineName(): string {
  return hostname();
}
