// Socket.IO on the API's own HTTP server (Fastify's), at the default path, with the frame-size
// limit and the Origin check applied to every handshake before any transport opens.
import type { IncomingMessage } from 'node:http';
import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { Server, ServerOptions } from 'socket.io';
import { LIVE_MAX_FRAME_BYTES, LIVE_PATH } from '@glossa/contracts';
import { originProblem, type LiveOriginConfig } from './live-origins';

/** Pings keep idle sockets alive through proxies and find dead peers within ping + timeout. */
const PING_INTERVAL_MS = 20_000;
const PING_TIMEOUT_MS = 10_000;

export class LiveIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly config: LiveOriginConfig,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    return super.createIOServer(port, {
      ...options,
      path: LIVE_PATH,
      serveClient: false,
      maxHttpBufferSize: LIVE_MAX_FRAME_BYTES,
      pingInterval: PING_INTERVAL_MS,
      pingTimeout: PING_TIMEOUT_MS,
      // Same-origin pages need no CORS; other origins are refused below rather than negotiated.
      cors: undefined,
      allowRequest: (request: IncomingMessage, callback: (error: string | null | undefined, success: boolean) => void) => {
        const problem = originProblem(request, this.config);
        callback(problem, problem === null);
      },
    }) as Server;
  }
}
