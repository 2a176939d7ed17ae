import { Counter, Gauge, type Registry } from 'prom-client';
import { peerMetricSpecs } from '../names.js';

export type PeerDropReason = 'queue-full' | 'unknown-group' | 'unknown-peer' | 'unencodable';

/**
 * The peer transport's probe, created by whoever starts the transport (not yet part of
 * `createMetrics`: see `peerMetricSpecs`). `peer` is a Kafka node id from the static peer map (or `unknown`),
 * so the label sets stay bounded by the cluster size.
 */
export interface PeerProbe {
  frameSent(peer: number, bytes: number): void;
  frameReceived(peer: number, bytes: number): void;
  messagesDropped(peer: number | 'unknown', reason: PeerDropReason, count: number): void;
  reconnecting(peer: number): void;
  connected(): void;
  disconnected(): void;
}

function counter(registry: Registry, key: keyof typeof peerMetricSpecs): Counter {
  const s = peerMetricSpecs[key];
  return new Counter({ name: s.name, help: s.help, labelNames: [...s.labels], registers: [registry] });
}

export function createPeerProbe(registry: Registry): PeerProbe {
  const framesSent = counter(registry, 'peerFramesSent');
  const bytesSent = counter(registry, 'peerBytesSent');
  const framesReceived = counter(registry, 'peerFramesReceived');
  const bytesReceived = counter(registry, 'peerBytesReceived');
  const dropped = counter(registry, 'peerMessagesDropped');
  const reconnects = counter(registry, 'peerReconnects');
  const connected = new Gauge({ name: peerMetricSpecs.peersConnected.name, help: peerMetricSpecs.peersConnected.help, registers: [registry] });
  return {
    frameSent(peer, bytes) {
      framesSent.inc({ peer: String(peer) });
      bytesSent.inc({ peer: String(peer) }, bytes);
    },
    frameReceived(peer, bytes) {
      framesReceived.inc({ peer: String(peer) });
      bytesReceived.inc({ peer: String(peer) }, bytes);
    },
    messagesDropped(peer, reason, count) {
      dropped.inc({ peer: String(peer), reason }, count);
    },
    reconnecting(peer) {
      reconnects.inc({ peer: String(peer) });
    },
    connected() {
      connected.inc();
    },
    disconnected() {
      connected.dec();
    },
  };
}
