import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';
import type { HostPort } from '../config/defaults.js';

/**
 * Which Host headers the admin API answers. The API has no authentication yet, so a page in a
 * browser on the same machine could reach it through DNS rebinding (its own name resolving to
 * 127.0.0.1) and, say, DELETE a topic; the browser then sends the attacker's name as Host. We
 * answer only:
 *  - an address of the listener with its port (any local interface address when bound to 0.0.0.0
 *    or ::), and `localhost` with the port when the listener takes loopback connections;
 *  - a name from `adminAllowedHosts` ("name" for any port, "name:port" for one).
 */
export type HostCheck = (hostHeader: string | undefined) => boolean;

export function createHostCheck(bound: HostPort, allowedHosts: readonly string[]): HostCheck {
  const unspecified = bound.host === '0.0.0.0' || bound.host === '::';
  const addresses = new Set(unspecified ? localAddresses() : [normalize(bound.host)]);
  const loopback = unspecified || isLoopback(bound.host);
  const names = new Set(allowedHosts.map(normalize));
  return (hostHeader) => {
    if (hostHeader === undefined) return false;
    const parsed = parseHost(hostHeader);
    if (parsed === null) return false;
    if (names.has(parsed.host) || names.has(`${parsed.host}:${parsed.port}`)) return true;
    if (parsed.port !== bound.port) return false;
    return addresses.has(parsed.host) || (loopback && parsed.host === 'localhost');
  };
}

/** "name", "name:port", "1.2.3.4:port", "[::1]:port"; the port defaults to HTTP's 80. */
function parseHost(header: string): { host: string; port: number } | null {
  const m = /^(?:\[([^\]]+)\]|([^:[\]]+))(?::(\d{1,5}))?$/.exec(header.trim());
  if (m === null) return null;
  return { host: normalize(m[1] ?? m[2]!), port: m[3] === undefined ? 80 : Number(m[3]) };
}

/** Lower case, no trailing dot, IPv6 without brackets (names and configured entries alike). */
function normalize(host: string): string {
  return host.toLowerCase().replace(/\.$/, '').replace(/^\[(.*)\]$/, '$1');
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));
}

function localAddresses(): string[] {
  return Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((i) => normalize(i.address)));
}
