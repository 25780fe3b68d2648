// Links between annotations — contradiction flags under review, supports, same claim — and the
// workspace annotation search used to pick the other passage.
import { Module } from '@nestjs/common';
import { AnnotationsModule } from '../annotations/annotations.module';
import { CreateLink } from './commands/createLink';
import { TransitionFlag } from './commands/transitionFlag';
import { LinkAccess } from './link-access';
import { GetLinkHistory } from './queries/getLinkHistory';
import { LinksController } from './links.controller';
import { ListAnnotationLinks } from './queries/listAnnotationLinks';
import { SearchAnnotations } from './queries/searchAnnotations';

@Module({
  imports: [AnnotationsModule],
  controllers: [LinksController],
  providers: [LinkAccess, CreateLink, TransitionFlag, ListAnnotationLinks, SearchAnnotations, GetLinkHistory],
  exports: [LinkAccess],
})
export class LinksModule {}
