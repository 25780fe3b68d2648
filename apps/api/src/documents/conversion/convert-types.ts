// The messages exchanged with the conversion worker (structured-clone friendly: plain data only).
import type { DocumentFormat, DocumentLanguage, ErrorCode } from '@glossa/contracts';

export interface ConvertRequest {
  format: DocumentFormat;
  content: string | Uint8Array;
}

export type ConvertResult =
  | { ok: true; doc: Record<string, unknown>; text: string; language: DocumentLanguage; empty: boolean }
  | { ok: false; code: ErrorCode; field: string; message: string };
