// Whole annotation lists as sent (UTF-8 JSON), per document and reader, so reading an unchanged
// list again — a reload, a second tab, a colleague opening the same document — costs a stamp
// query instead of moving, presenting and encoding thousands of rows. An entry is used only while
// the document's stamp is the one it was built under; least recently used entries go first once
// the memory budget (GLOSSA_LIST_CACHE_MB) is spent.
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';

interface Entry {
  etag: string;
  body: Buffer;
}

@Injectable()
export class AnnotationListCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  private readonly budget: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.budget = config.GLOSSA_LIST_CACHE_MB * 1024 * 1024;
  }

  get enabled(): boolean {
    return this.budget > 0;
  }

  /** The body built under `etag`, if still held (and then the most recently used). */
  get(key: string, etag: string): Buffer | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.etag !== etag) {
      this.bytes -= entry.body.byteLength;
      return undefined;
    }
    this.entries.set(key, entry);
    return entry.body;
  }

  set(key: string, etag: string, body: Buffer): void {
    if (body.byteLength > this.budget) return;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.bytes -= old.body.byteLength;
    }
    this.entries.set(key, { etag, body });
    this.bytes += body.byteLength;
    // Map iteration is insertion order: the first key is the least recently used.
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.budget) break;
      this.entries.delete(oldest);
      this.bytes -= entry.body.byteLength;
    }
  }
}
