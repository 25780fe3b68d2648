// The Web Annotation Protocol on each document (LDP container of W3C annotations) and the JSON-LD
// writers the exports use; docs/W3C.md.
import { Module } from '@nestjs/common';
import { AnnotationsModule } from '../annotations/annotations.module';
import { CreateAnnotation } from '../annotations/commands/createAnnotation';
import { DeleteAnnotation } from '../annotations/commands/deleteAnnotation';
import { UpdateAnnotation } from '../annotations/commands/updateAnnotation';
import { DocumentsModule } from '../documents/documents.module';
import { CreateW3cAnnotation } from './commands/createW3cAnnotation';
import { ContainerSlash } from './container-slash';
import { ReplaceW3cAnnotation } from './commands/replaceW3cAnnotation';
import { LdJsonParser } from './ld-json-parser';
import { GetContainerDocument } from './queries/getContainerDocument';
import { ListContainerAnnotations } from './queries/listContainerAnnotations';
import { W3cController } from './w3c.controller';

@Module({
  imports: [DocumentsModule, AnnotationsModule],
  controllers: [W3cController],
  // The annotation use cases are stateless (a DataSource each): the protocol runs the very same ones.
  providers: [LdJsonParser, ContainerSlash, GetContainerDocument, ListContainerAnnotations, CreateW3cAnnotation, ReplaceW3cAnnotation, CreateAnnotation, UpdateAnnotation, DeleteAnnotation],
})
export class W3cModule {}
