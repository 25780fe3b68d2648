// Lets the container be addressed by its Protocol IRI, `/api/documents/:id/w3c/` (the trailing slash is
// part of it), although Nest declares routes without trailing slashes: before Fastify routes a request,
// that one path form loses its final slash. Every other path is left exactly as sent.
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { withoutContainerSlash } from './protocol';

@Injectable()
export class ContainerSlash implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    // Runs ahead of Fastify's own request listener on the same server.
    fastify?.server.prependListener('request', (request: IncomingMessage) => {
      if (request.url !== undefined) request.url = withoutContainerSlash(request.url);
    });
  }
}
