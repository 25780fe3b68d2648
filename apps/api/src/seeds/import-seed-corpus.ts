// Imports the demo corpus into the default workspace on start. Each seed remembers its
// key (unique in the database), so restarts and concurrent instances never duplicate it.
import { Injectable, Logger } from '@nestjs/common';
import { readSeedCorpus } from '@glossa/seeds';
import { seedMarkdown } from '@glossa/importers';
import { ImportDocument } from '../documents/commands/importDocument';
import { DefaultWorkspace } from '../workspaces/default-workspace';
import { DataSource } from 'typeorm';

@Injectable()
export class ImportSeedCorpus {
  private readonly logger = new Logger('Seeds');

  constructor(
    private readonly dataSource: DataSource,
    private readonly workspaces: DefaultWorkspace,
    private readonly importDocument: ImportDocument,
  ) {}

  async run(): Promise<number> {
    const workspaceId = await this.workspaces.id();
    const rows: Array<{ seed_key: string }> = await this.dataSource.query('SELECT seed_key FROM document WHERE seed_key IS NOT NULL');
    const known = new Set(rows.map((r) => r.seed_key));
    let imported = 0;
    for (const seed of await readSeedCorpus()) {
      if (known.has(seed.key)) continue;
      // The corpus puts one paragraph per line; seedMarkdown keeps those lines apart.
      const result = await this.importDocument.run({
        workspaceId,
        actorId: null,
        title: seed.title,
        format: 'markdown',
        content: seedMarkdown(seed.bytes.toString('utf8')),
        seedKey: seed.key,
      });
      if (result) imported++;
    }
    if (imported > 0) this.logger.log(`Imported ${imported} seed document(s)`);
    return imported;
  }
}
