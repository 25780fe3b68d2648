// The one place an exception becomes an HTTP response. Unknown non-API GETs fall
// through to the web app's index.html so client-side routes survive a reload.
import { ArgumentsHost, Catch, Logger, NotFoundException, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { API_PREFIX } from '@glossa/contracts';
import { toErrorResponse } from './error-response';
import { sendWebApp } from './web-app';

@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    if (exception instanceof NotFoundException && isWebAppRoute(request)) {
      sendWebApp(reply);
      return;
    }
    const { status, body, headers } = toErrorResponse(exception, this.logger);
    void reply.status(status).headers(headers).send(body);
  }
}

function isWebAppRoute(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0];
  return (request.method === 'GET' || request.method === 'HEAD') && path !== API_PREFIX && !path.startsWith(`${API_PREFIX}/`);
}
