// English UI strings: the reference resource every other language is typed against.
// Keys ending in _one/_other are i18next plural forms; every language keeps both.

export const en = {
  app: {
    name: 'Glossa',
    skipToContent: 'Skip to content',
    documentTitle: '{{page}} · Glossa',
  },
  header: {
    navigation: 'Main',
    home: 'Documents',
    language: 'Interface language',
  },
  uiLanguage: {
    en: 'English',
    'zh-Hans': '中文',
  },
  documentLanguage: {
    'zh-Hant': 'Traditional Chinese',
    'zh-Hans': 'Simplified Chinese',
    en: 'English',
    und: 'Undetermined',
  },
  documentFormat: {
    text: 'Plain text',
    markdown: 'Markdown',
    html: 'HTML',
  },
  tags: {
    claim: 'Claim',
    opinion: 'Opinion',
    data: 'Data',
  },
  documents: {
    heading: 'Documents',
    import: 'Import document',
    loading: 'Loading documents…',
    empty: 'No documents yet. Import one to start reading.',
    loadFailed: 'The documents could not be loaded.',
    loadMore: 'Load more',
    loadingMore: 'Loading more…',
    columns: {
      title: 'Title',
      language: 'Language',
      length: 'Length',
      imported: 'Imported',
    },
    length_one: '{{count, number}} character',
    length_other: '{{count, number}} characters',
  },
  document: {
    loading: 'Loading document…',
    loadFailed: 'The document could not be loaded.',
    notFound: 'There is no document at this address. It may have been removed, or the link is wrong.',
    backToList: 'All documents',
    revision: 'Revision {{number}}',
    importedAt: 'Imported {{date}}',
    readingViewLabel: 'Document text',
  },
  importDialog: {
    heading: 'Import document',
    close: 'Close',
    cancel: 'Cancel',
    submit: 'Import',
    submitting: 'Importing…',
    fields: {
      title: 'Title',
      format: 'Format',
      source: 'Content',
      sourcePaste: 'Paste text',
      sourceFile: 'Upload a file',
      content: 'Text',
      file: 'File',
    },
    hints: {
      file: 'Plain text (.txt), Markdown (.md) or HTML (.html), UTF-8, up to {{limit}}.',
      format: 'Picked from the file name when you choose a file.',
      selectedFile: '{{name}}, {{size}}',
    },
    problems: {
      titleRequired: 'Enter a title.',
      titleTooLong: 'The title is {{length, number}} characters; the limit is {{max, number}}.',
      contentRequired: 'Paste the text to import.',
      fileRequired: 'Choose a file to import.',
      tooLarge: 'The content is {{size}}; the limit is {{limit}}.',
      otherFields: 'Other problems:',
    },
  },
  errors: {
    retry: 'Try again',
    network: 'The server could not be reached. Check your connection and try again.',
    status: 'The server answered with an error (HTTP {{status}}).',
    invalidResponse: 'The server sent an answer this page does not understand. Reloading may help.',
    codes: {
      validation_failed: 'Some fields need attention.',
      payload_too_large: 'The content is too large.',
      unsupported_media_type: 'This does not look like text that can be imported.',
      unprocessable_content: 'The content could not be read.',
      not_found: 'Not found.',
      service_unavailable: 'The service is unavailable right now. Try again in a moment.',
      internal_error: 'Something went wrong on the server.',
    },
  },
  boundary: {
    heading: 'Something went wrong',
    body: 'This part of the page could not be shown. Reloading usually helps; your saved work is not affected.',
    details: 'Technical details',
    reload: 'Reload page',
    home: 'Back to documents',
  },
  notFound: {
    heading: 'Page not found',
    body: 'There is nothing at this address.',
    home: 'Back to documents',
  },
};

/** The shape every UI language must fill: same keys, any strings. */
export type Messages = DeepStrings<typeof en>;

type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
