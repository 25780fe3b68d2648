// Annotation imports into a workspace (W3C Web Annotation JSON-LD or Glossa JSON); docs/W3C.md.
import { Module } from '@nestjs/common';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { ImportAnnotations } from './commands/importAnnotations';
import { ImportsController } from './imports.controller';

@Module({
  imports: [WorkspacesModule],
  controllers: [ImportsController],
  providers: [ImportAnnotations],
})
export class ImportsModule {}
