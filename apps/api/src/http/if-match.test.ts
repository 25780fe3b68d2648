// If-Match parsing: one version ETag, weak or strong; missing → 428; anything else → 400.
import { describe, expect, it } from 'vitest';
import { DomainError } from '../common/domain-error';
import { requiredVersion } from './if-match';

const codeOf = (header: string | undefined): string => {
  try {
    requiredVersion(header);
    return 'ok';
  } catch (error) {
    return (error as DomainError).code;
  }
};

describe('requiredVersion', () => {
  it.each([
    ['"3"', 3],
    [' "12" ', 12],
    ['W/"7"', 7],
  ])('%s → %i', (header, version) => {
    expect(requiredVersion(header)).toBe(version);
  });

  it.each([
    [undefined, 'precondition_required'],
    ['', 'precondition_required'],
    ['*', 'validation_failed'],
    ['3', 'validation_failed'],
    ['"1", "2"', 'validation_failed'],
    ['"-1"', 'validation_failed'],
    ['"1.5"', 'validation_failed'],
  ])('%s → %s', (header, code) => {
    expect(codeOf(header)).toBe(code);
  });
});
