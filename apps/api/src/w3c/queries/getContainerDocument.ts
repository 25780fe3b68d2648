// The document behind a container: its title (the collection's label) and current revision with its text
// (what POST and PUT anchor against).
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CodePointText } from '@glossa/anchoring';
import { DomainError } from '../../common/domain-error';

export interface ContainerDocument {
  title: string;
  revisionId: string;
  text: CodePointText;
}

@Injectable()
export class GetContainerDocument {
  constructor(private readonly dataSource: DataSource) {}

  async run(documentId: string, withText = false): Promise<ContainerDocument> {
    const rows: Array<{ title: string; revision_id: string | null; text: string | null }> = await this.dataSource.query(
      `SELECT d.title, d.current_revision_id AS revision_id, ${withText ? 'r.text' : 'NULL AS text'}
         FROM document d LEFT JOIN document_revision r ON r.id = d.current_revision_id
        WHERE d.id = $1`,
      [documentId],
    );
    const row = rows[0];
    if (!row?.revision_id) throw DomainError.notFound('Document');
    return { title: row.title, revisionId: row.revision_id, text: CodePointText.of(row.text ?? '') };
  }
}
