// Answers an announced oversize body with a clean 413. Replying early and closing the socket
// makes clients see EPIPE/ECONNRESET instead of the answer, so a body up to DRAIN_LIMIT is read
// and discarded first (never buffered); beyond that the connection is simply refused.
import type { FastifyInstance } from 'fastify';
import { ErrorCode, type ApiErrorBody } from '@glossa/contracts';

/** Largest oversize body still read to the end so the client gets its 413. */
const DRAIN_LIMIT_BYTES = 32 * 1024 * 1024;

export function registerOversizeBodyGuard(fastify: FastifyInstance, limitBytes: number): void {
  fastify.addHook('onRequest', async (request, reply) => {
    const declared = Number(request.headers['content-length']);
    if (!Number.isFinite(declared) || declared <= limitBytes) return;
    if (declared <= DRAIN_LIMIT_BYTES) {
      for await (const _chunk of request.raw) {
        // discard
      }
    }
    const body: ApiErrorBody = { error: { code: ErrorCode.PayloadTooLarge, message: `The request is larger than ${limitBytes} bytes` } };
    return reply.code(413).header('connection', 'close').send(body);
  });
}
