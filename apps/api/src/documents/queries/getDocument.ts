// Reads one document of a workspace with its current revision; anything else is "not found".
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../../common/domain-error';
import { DocumentEntity } from '../document.entity';
import { RevisionEntity } from '../revision.entity';

@Injectable()
export class GetDocument {
  constructor(private readonly dataSource: DataSource) {}

  async run(workspaceId: string, documentId: string): Promise<{ document: DocumentEntity; revision: RevisionEntity }> {
    const document = await this.dataSource.getRepository(DocumentEntity).findOneBy({ id: documentId, workspaceId });
    if (!document?.currentRevisionId) throw DomainError.notFound('Document');
    // The canonical text is served by its own endpoint; leave it in the database here.
    const revision = await this.dataSource.getRepository(RevisionEntity).findOneOrFail({
      where: { id: document.currentRevisionId },
      select: { id: true, documentId: true, number: true, format: true, doc: true, textLength: true, createdAt: true },
    });
    return { document, revision };
  }

  /** The canonical text alone, without loading the ProseMirror JSON. */
  async text(workspaceId: string, documentId: string): Promise<string> {
    const rows: Array<{ text: string }> = await this.dataSource.query(
      `SELECT r.text FROM document d JOIN document_revision r ON r.id = d.current_revision_id
        WHERE d.id = $1 AND d.workspace_id = $2`,
      [documentId, workspaceId],
    );
    if (!rows[0]) throw DomainError.notFound('Document');
    return rows[0].text;
  }
}
