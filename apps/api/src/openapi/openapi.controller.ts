// GET /api/docs: the OpenAPI document (JSON), built once per process.
import { Controller, Get } from '@nestjs/common';
import { Routes } from '@glossa/contracts';
import { buildOpenApiDocument } from './openapi-document';
import { Public } from '../auth/actor';

@Public()
@Controller()
export class OpenApiController {
  private document: Record<string, unknown> | null = null;

  @Get(Routes.docs)
  get(): Record<string, unknown> {
    this.document ??= buildOpenApiDocument(process.env.npm_package_version ?? '0.1.0');
    return this.document;
  }
}
