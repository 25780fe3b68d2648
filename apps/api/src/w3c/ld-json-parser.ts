// Lets request bodies of type application/ld+json (the Web Annotation Protocol's, with or without the
// anno.jsonld profile) through Fastify's own JSON parser, with the same size limit and error handling as JSON.
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';

export const LD_JSON = 'application/ld+json';

@Injectable()
export class LdJsonParser implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify || fastify.hasContentTypeParser(LD_JSON)) return;
    fastify.addContentTypeParser(LD_JSON, { parseAs: 'string' }, fastify.getDefaultJsonParser('error', 'error'));
  }
}
