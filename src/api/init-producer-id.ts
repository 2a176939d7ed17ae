import { ApiKey } from '../protocol/generated/index.js';
import { ErrorCode } from '../protocol/generated/error-codes.js';
import { readInitProducerIdRequest, type InitProducerIdRequest } from '../protocol/generated/init-producer-id-request.js';
import { writeInitProducerIdResponse, type InitProducerIdResponse } from '../protocol/generated/init-producer-id-response.js';
import type { ApiHandler } from './handler.js';

/**
 * InitProducerId (key 22), v0–5, for idempotent producers (advertised from v0: librdkafka
 * refuses enable.idempotence unless InitProducerId 0 is in range, PROTOCOL.md §5.13).
 *
 * - producer_id -1: a new id (never reused across restarts, replication/producer-ids.ts), epoch 0.
 * - producer_id ≥ 0 with its epoch (v3+, KIP-360: the client bumps after an unknown-sequence
 *   error): the same id with epoch + 1, or a new id when the epoch would overflow. Partitions
 *   then accept the new epoch starting at sequence 0 (replication/producer-state.ts).
 * - a transactional_id: transactions are not supported; answered with
 *   TRANSACTIONAL_ID_AUTHORIZATION_FAILED, which clients report instead of retrying forever.
 */
/** Epochs are int16; Kafka bumps to a new producer id before reaching the maximum. */
const PRODUCER_EPOCH_MAX = 32766;

function reply(errorCode: number, producerId: number, producerEpoch: number): InitProducerIdResponse {
  return { throttleTimeMs: 0, errorCode, producerId, producerEpoch };
}

export const initProducerIdHandler: ApiHandler<InitProducerIdRequest, InitProducerIdResponse> = {
  apiKey: ApiKey.InitProducerId,
  minVersion: 0,
  maxVersion: 5,
  readRequest: readInitProducerIdRequest,
  writeResponse: writeInitProducerIdResponse,

  async handle(request, ctx) {
    if (request.transactionalId !== null) return reply(ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED, -1, -1);
    const { producerIds } = ctx.broker;
    if (request.producerId >= 0 && request.producerEpoch >= 0 && request.producerEpoch < PRODUCER_EPOCH_MAX) {
      return reply(ErrorCode.NONE, request.producerId, request.producerEpoch + 1);
    }
    const producerId = await producerIds.allocate();
    ctx.broker.logger.debug({ producerId, clientId: ctx.header.clientId, peer: ctx.clientHost }, 'producer id allocated');
    return reply(ErrorCode.NONE, producerId, 0);
  },

  errorResponse(_request, errorCode) {
    return reply(errorCode, -1, -1);
  },
};
