// generated from protocol/canopy/*.json — do not edit (npm run generate)
// Canopy's internal APIs (internal listener only): their keys and every codec.

import type { MessageCodec } from './index.js';
import { readLearnerFetchRequest, writeLearnerFetchRequest } from './learner-fetch-request.js';
import { readLearnerFetchResponse, writeLearnerFetchResponse } from './learner-fetch-response.js';
import { readPeerHelloRequest, writePeerHelloRequest } from './peer-hello-request.js';
import { readPeerHelloResponse, writePeerHelloResponse } from './peer-hello-response.js';
import { readRaftMessagesRequest, writeRaftMessagesRequest } from './raft-messages-request.js';

export const CanopyApiKey = {
  PeerHello: 30000,
  RaftMessages: 30001,
  LearnerFetch: 30002,
} as const;

export const canopyMessageCodecs: readonly MessageCodec[] = [
  { name: 'LearnerFetchRequest', kind: 'request', apiKey: 30002, minVersion: 0, maxVersion: 0, flexibleMinVersion: 0, read: readLearnerFetchRequest, write: writeLearnerFetchRequest },
  { name: 'LearnerFetchResponse', kind: 'response', apiKey: 30002, minVersion: 0, maxVersion: 0, flexibleMinVersion: 0, read: readLearnerFetchResponse, write: writeLearnerFetchResponse },
  { name: 'PeerHelloRequest', kind: 'request', apiKey: 30000, minVersion: 0, maxVersion: 0, flexibleMinVersion: 0, read: readPeerHelloRequest, write: writePeerHelloRequest },
  { name: 'PeerHelloResponse', kind: 'response', apiKey: 30000, minVersion: 0, maxVersion: 0, flexibleMinVersion: 0, read: readPeerHelloResponse, write: writePeerHelloResponse },
  { name: 'RaftMessagesRequest', kind: 'request', apiKey: 30001, minVersion: 0, maxVersion: 0, flexibleMinVersion: 0, read: readRaftMessagesRequest, write: writeRaftMessagesRequest },
];
