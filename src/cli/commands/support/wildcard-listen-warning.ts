import type { HostPort } from '../../../config/defaults.js';

/**
 * The start-up warning for a Kafka listener bound to every interface (0.0.0.0 or ::) with no
 * advertised listener, or null when there is nothing to warn about. Clients connect to the
 * address Metadata advertises, not the one they bootstrapped with; a wildcard is not dialable, so
 * the broker advertises 127.0.0.1 (broker/open-broker.ts), which works only on this machine: a
 * remote client bootstraps, then fails on every request that follows.
 */
export function wildcardListenWarning(listen: HostPort, advertisedListener: HostPort | null, advertised: HostPort): string | null {
  if (advertisedListener !== null || (listen.host !== '0.0.0.0' && listen.host !== '::')) return null;
  return `Kafka listener on every interface (${listen.host}) without an advertised listener: clients are told to connect to ${advertised.host}:${advertised.port}, which works only on this machine; set --advertised-listener / CANOPY_ADVERTISED_LISTENER to the HOST:PORT clients dial`;
}
