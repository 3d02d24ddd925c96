import { BlockList, isIP } from 'node:net';

/** Why a TRUSTED_PROXIES entry is not an address or a CIDR range; null when it is one. */
export function proxyEntryProblem(entry: string): string | null {
  const [address, bits, extra] = entry.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || extra !== undefined) return `"${entry}" is not an IP address or a CIDR range such as 10.0.0.0/8`;
  if (bits === undefined) return null;
  const n = Number(bits);
  if (!/^\d+$/.test(bits) || n > (family === 4 ? 32 : 128)) return `"${entry}" has a prefix length outside 0–${family === 4 ? 32 : 128}`;
  return null;
}

/**
 * Fastify's `trustProxy` as a function over node's BlockList: `X-Forwarded-For`/`-Proto`/`-Host`
 * count only when the hop that sent them is one of these addresses or ranges. Entries are
 * checked by `proxyEntryProblem` first (settings.ts). IPv4-mapped IPv6 peers (`::ffff:10.0.0.1`)
 * match their IPv4 entry.
 */
export function proxyTrust(entries: readonly string[]): (address: string) => boolean {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, bits] = entry.split('/') as [string, string | undefined];
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return (address: string) => {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return list.check(mapped[1]!, 'ipv4');
    const family = isIP(address);
    return family !== 0 && list.check(address, family === 6 ? 'ipv6' : 'ipv4');
  };
}
