// Comment threads on links and annotations with @mentions, and the notifications they raise.
import { Module } from '@nestjs/common';
import { AnnotationsModule } from '../annotations/annotations.module';
import { LinksModule } from '../links/links.module';
import { CommentsController } from './comments.controller';
import { CreateComment } from './commands/createComment';
import { ListNotifications } from './queries/listNotifications';

@Module({
  imports: [AnnotationsModule, LinksModule],
  controllers: [CommentsController],
  providers: [CreateComment, ListNotifications],
})
export class CommentsModule {}
