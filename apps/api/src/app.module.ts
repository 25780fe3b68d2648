// Composes the API: configuration, the database (migrations only), and the feature modules.
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from './config/config';
import { dataSourceOptions } from './database/data-source-options';
import { ImportDocument } from './documents/commands/importDocument';
import { DocumentConverter } from './documents/conversion/document-converter';
import { DocumentsController } from './documents/documents.controller';
import { GetDocument } from './documents/queries/getDocument';
import { ListDocuments } from './documents/queries/listDocuments';
import { HealthController } from './health/health.controller';
import { ErrorFilter } from './http/error.filter';
import { OpenApiController } from './openapi/openapi.controller';
import { ImportSeedCorpus } from './seeds/import-seed-corpus';
import { DefaultWorkspace } from './workspaces/default-workspace';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions(databaseUrl, config.GLOSSA_DB_POOL_SIZE),
          retryAttempts: 3,
          retryDelay: 2_000,
        }),
      ],
      controllers: [HealthController, OpenApiController, DocumentsController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_FILTER, useClass: ErrorFilter },
        DefaultWorkspace,
        DocumentConverter,
        ImportDocument,
        ListDocuments,
        GetDocument,
        ImportSeedCorpus,
      ],
    };
  }
}
