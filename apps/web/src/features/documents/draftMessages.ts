// The words for an import draft's early problems, shared by the import and new-version dialogs.
import type { TFunction } from 'i18next';
import { formatBytes } from '../../i18n/format';
import type { DraftProblem } from './importDraft';

export function draftProblemMessage(problem: DraftProblem, t: TFunction, language: string): string {
  switch (problem.kind) {
    case 'titleRequired':
      return t('importDialog.problems.titleRequired');
    case 'titleTooLong':
      return t('importDialog.problems.titleTooLong', { length: problem.length, max: problem.max });
    case 'contentRequired':
      return t('importDialog.problems.contentRequired');
    case 'fileRequired':
      return t('importDialog.problems.fileRequired');
    case 'tooLarge':
      return t('importDialog.problems.tooLarge', { size: formatBytes(problem.bytes, language), limit: formatBytes(problem.limit, language) });
  }
}
