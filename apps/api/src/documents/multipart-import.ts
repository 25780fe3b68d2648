// Reads a multipart upload (fields title, format and one file part) into import input.
// Upload names are metadata only: they choose a format and a fallback title, never a path.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DocumentFormat, ErrorCode, MAX_DOCUMENT_BYTES, Title, WorkspaceRef } from '@glossa/contracts';
import { DomainError, parseInput } from '../common/domain-error';

const EXTENSION_FORMATS: Record<string, DocumentFormat> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
};

/** Room for the multipart framing and the small text fields around the file. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

const UploadFields = z.strictObject({
  title: Title.optional(),
  format: DocumentFormat.optional(),
  workspaceId: WorkspaceRef.optional(),
});

export interface UploadedDocument {
  title: string;
  format: DocumentFormat;
  content: Buffer;
  workspaceId?: string;
}

/** C0 controls (NUL included) and DEL: never part of a title; PostgreSQL cannot even store NUL. */
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

function fileStem(filename: string): { stem: string; extension: string } {
  const base = (filename.split(/[\\/]/).pop() ?? '').replace(CONTROL_CHARACTERS, '');
  const dot = base.lastIndexOf('.');
  return dot > 0 ? { stem: base.slice(0, dot), extension: base.slice(dot + 1).toLowerCase() } : { stem: base, extension: '' };
}

export async function readMultipartImport(request: FastifyRequest): Promise<UploadedDocument> {
  const declared = Number(request.headers['content-length']);
  // Refuse an announced oversize upload before reading a byte of it.
  if (Number.isFinite(declared) && declared > MAX_DOCUMENT_BYTES + MULTIPART_OVERHEAD_BYTES) {
    throw new DomainError(ErrorCode.PayloadTooLarge, `The file is larger than ${MAX_DOCUMENT_BYTES} bytes`, [{ path: 'file', message: 'file is over the size limit' }]);
  }
  const fields: Record<string, string> = {};
  let file: { filename: string; bytes: Buffer } | null = null;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file' || file !== null) {
        throw new DomainError(ErrorCode.ValidationFailed, 'Some fields are invalid', [{ path: part.fieldname, message: 'send exactly one file, in the field "file"' }]);
      }
      file = { filename: part.filename ?? '', bytes: await part.toBuffer() };
    } else {
      fields[part.fieldname] = String(part.value);
    }
  }
  const withNul = Object.keys(fields).find((name) => name.includes('\u0000') || fields[name]!.includes('\u0000'));
  if (withNul !== undefined) throw DomainError.invalidField(withNul.replaceAll('\u0000', '\\u0000'), 'must not contain the NUL character (U+0000)');
  const parsed = parseInput(UploadFields, fields);
  if (file === null) {
    throw new DomainError(ErrorCode.ValidationFailed, 'Some fields are invalid', [{ path: 'file', message: 'file is required' }]);
  }
  const { stem, extension } = fileStem(file.filename);
  const format = parsed.format ?? EXTENSION_FORMATS[extension];
  if (!format) {
    throw new DomainError(ErrorCode.UnsupportedMediaType, 'Upload a .txt, .md or .html file', [{ path: 'file', message: 'file type must be .txt, .md or .html' }]);
  }
  const title = parsed.title ?? parseInput(z.object({ title: Title }), { title: stem }).title;
  if (file.bytes.length === 0) {
    throw new DomainError(ErrorCode.ValidationFailed, 'Some fields are invalid', [{ path: 'file', message: 'file is empty' }]);
  }
  return { title, format, content: file.bytes, workspaceId: parsed.workspaceId };
}
