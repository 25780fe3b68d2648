// Composes the API: configuration, the database (migrations only), authentication, and the feature modules.
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from './accounts/accounts.module';
import { AnnotationsModule } from './annotations/annotations.module';
import { AuthModule } from './auth/auth.module';
import { CommentsModule } from './comments/comments.module';
import { type AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source-options';
import { DocumentsModule } from './documents/documents.module';
import { HealthController } from './health/health.controller';
import { ExportsModule } from './exports/exports.module';
import { ErrorFilter } from './http/error.filter';
import { InvitesModule } from './invites/invites.module';
import { LinksModule } from './links/links.module';
import { LiveModule } from './live/live.module';
import { OpenApiController } from './openapi/openapi.controller';
import { ReviewModule } from './review/review.module';
import { ImportSeedCorpus } from './seeds/import-seed-corpus';
import { ImportsModule } from './imports/imports.module';
import { W3cModule } from './w3c/w3c.module';
import { TokensModule } from './tokens/tokens.module';
import { WorkspacesModule } from './workspaces/workspaces.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(databaseUrl, config.GLOSSA_DB_POOL_SIZE),
          retryAttempts: 3,
          retryDelay: 2_000,
        }),
        AuthModule,
        WorkspacesModule,
        AccountsModule,
        InvitesModule,
        TokensModule,
        DocumentsModule,
        AnnotationsModule,
        LinksModule,
        CommentsModule,
        ReviewModule,
        LiveModule.register(config),
        ExportsModule,
        W3cModule,
        ImportsModule,
      ],
      controllers: [HealthController, OpenApiController],
      providers: [{ provide: APP_FILTER, useClass: ErrorFilter }, ImportSeedCorpus],
    };
  }
}
