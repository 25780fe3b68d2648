// Validates JSON against the W3C Web Annotation Working Group's own assertion schemas
// (/work/shared/w3c-annotation-model, draft-04 JSON Schema) with ajv: the "musts" of annotations, collections and pages.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** Where the group's test data lives; overridable for machines that keep it elsewhere. */
export const W3C_MODEL_DIR = process.env['W3C_ANNOTATION_MODEL_DIR'] ?? '/work/shared/w3c-annotation-model';

type Json = Record<string, unknown>;

/**
 * Draft-04 → the draft ajv 8 speaks: `id` → `$id` at the root, boolean exclusiveMinimum/Maximum → numbers,
 * and nested `$schema` markers dropped (ajv would try to switch meta-schemas on them).
 */
function fromDraft04(schema: unknown, root = true): unknown {
  if (Array.isArray(schema)) return schema.map((item) => fromDraft04(item, false));
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Json = {};
  for (const [key, value] of Object.entries(schema as Json)) {
    if (key === '$schema') continue;
    if (root && key === 'id' && typeof value === 'string') out['$id'] = value;
    else out[key] = fromDraft04(value, false);
  }
  for (const [flag, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    if (typeof out[flag] === 'boolean') {
      if (out[flag] === true) {
        out[flag] = out[bound];
        delete out[bound];
      } else delete out[flag];
    }
  }
  return out;
}

const readJson = (path: string): Json => JSON.parse(readFileSync(path, 'utf8')) as Json;

interface Assertion {
  path: string;
  expectedResult: 'valid' | 'invalid';
  errorMessage: string;
  validate: ValidateFunction;
}

export interface SchemaFailure {
  assertion: string;
  message: string;
  errors: string;
}

export class W3cSchemas {
  private readonly ajv = new Ajv({ strict: false, allErrors: false, validateSchema: false });
  private readonly assertions = new Map<string, Assertion>();

  constructor(private readonly dir: string = W3C_MODEL_DIR) {
    addFormats(this.ajv);
    const definitions = join(dir, 'definitions');
    for (const file of readdirSync(definitions).filter((name) => name.endsWith('.json'))) {
      this.ajv.addSchema(fromDraft04(readJson(join(definitions, file))) as Json, file);
    }
  }

  /** The assertion files a `.test` list names, in order (e.g. `annotations/annotationMusts.test`). */
  assertionList(testFile: string): string[] {
    const list = readJson(join(this.dir, testFile))['assertions'];
    if (!Array.isArray(list)) throw new Error(`${testFile} has no assertions`);
    return list.map((entry) => {
      if (typeof entry !== 'string') throw new Error(`${testFile}: only assertion paths are supported`);
      return entry;
    });
  }

  private assertion(path: string): Assertion {
    let found = this.assertions.get(path);
    if (!found) {
      const raw = readJson(join(this.dir, path));
      // Assertion ids are bare file names, so their `$ref`s (`annotations.json#/…`) resolve to the definitions.
      const schema = fromDraft04(raw) as Json;
      found = {
        path,
        expectedResult: raw['expectedResult'] === 'invalid' ? 'invalid' : 'valid',
        errorMessage: String(raw['errorMessage'] ?? raw['title'] ?? path),
        validate: this.ajv.compile(schema),
      };
      this.assertions.set(path, found);
    }
    return found;
  }

  /** Every assertion of the `.test` lists whose result differs from what the group expects. */
  check(value: unknown, testFiles: string[]): SchemaFailure[] {
    const failures: SchemaFailure[] = [];
    for (const testFile of testFiles) {
      for (const path of this.assertionList(testFile)) {
        const assertion = this.assertion(path);
        const valid = assertion.validate(value) as boolean;
        if (valid !== (assertion.expectedResult === 'valid')) {
          failures.push({ assertion: path, message: assertion.errorMessage, errors: this.ajv.errorsText(assertion.validate.errors) });
        }
      }
    }
    return failures;
  }

  /** The annotation MUSTs (annotations/annotationMusts.test). */
  annotationFailures(annotation: unknown): SchemaFailure[] {
    return this.check(annotation, ['annotations/annotationMusts.test']);
  }

  collectionFailures(collection: unknown): SchemaFailure[] {
    return this.check(collection, ['collections/collectionMusts.test']);
  }

  pageFailures(page: unknown): SchemaFailure[] {
    return this.check(page, ['collections/pages/pageMusts.test']);
  }

  /** Whether one named assertion (e.g. an "Implemented" feature check) holds as the group expects. */
  holds(value: unknown, assertionPath: string): boolean {
    const assertion = this.assertion(assertionPath);
    return (assertion.validate(value) as boolean) === (assertion.expectedResult === 'valid');
  }
}

/** Describes failures for an assertion message. */
export function describeFailures(failures: SchemaFailure[]): string {
  return failures.map((f) => `${f.assertion}: ${f.message} (${f.errors})`).join('\n');
}
