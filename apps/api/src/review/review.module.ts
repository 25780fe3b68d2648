// Review: the queue of contradiction flags and submitted annotations, and decisions on the latter.
// (Flag transitions live with links; their state machine is review/flag-state-machine.ts.)
import { Module } from '@nestjs/common';
import { AnnotationsModule } from '../annotations/annotations.module';
import { DecideAnnotation } from './commands/decideAnnotation';
import { SubmitAnnotation } from './commands/submitAnnotation';
import { GetReviewQueue } from './queries/getReviewQueue';
import { ReviewController } from './review.controller';

@Module({
  imports: [AnnotationsModule],
  controllers: [ReviewController],
  providers: [GetReviewQueue, SubmitAnnotation, DecideAnnotation],
})
export class ReviewModule {}
