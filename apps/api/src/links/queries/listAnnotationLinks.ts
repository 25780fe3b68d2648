// The links an annotation takes part in, newest first (the reading view's marker and popover).
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { LinkList } from '@glossa/contracts';
import { findLinkRows } from '../link-row';
import { presentLink, type LinkViewer } from '../presenters/linkPresenter';

@Injectable()
export class ListAnnotationLinks {
  constructor(private readonly dataSource: DataSource) {}

  async run(annotationId: string, viewer: LinkViewer): Promise<LinkList> {
    const ids: Array<{ id: string }> = await this.dataSource.query(
      `SELECT l.id FROM link_annotation la JOIN link l ON l.id = la.link_id WHERE la.annotation_id = $1 ORDER BY l.created_at DESC, l.id DESC`,
      [annotationId],
    );
    const rows = await findLinkRows(this.dataSource.manager, ids.map((r) => r.id));
    return { items: rows.map((row) => presentLink(row, viewer)) };
  }
}
