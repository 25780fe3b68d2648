// Simplified Chinese UI strings, typed against the English resource: a missing or
// extra key is a compile error.
import type { Messages } from './en';

export const zhHans: Messages = {
  app: {
    name: 'Glossa',
    skipToContent: '跳到正文',
    documentTitle: '{{page}} · Glossa',
  },
  header: {
    navigation: '主导航',
    home: '文档',
    language: '界面语言',
  },
  uiLanguage: {
    en: 'English',
    'zh-Hans': '中文',
  },
  documentLanguage: {
    'zh-Hant': '繁体中文',
    'zh-Hans': '简体中文',
    en: '英文',
    und: '未确定',
  },
  documentFormat: {
    text: '纯文本',
    markdown: 'Markdown',
    html: 'HTML',
  },
  tags: {
    claim: '主张',
    opinion: '观点',
    data: '数据',
  },
  documents: {
    heading: '文档',
    import: '导入文档',
    loading: '正在加载文档…',
    empty: '还没有文档。导入一篇即可开始阅读。',
    loadFailed: '无法加载文档列表。',
    loadMore: '加载更多',
    loadingMore: '正在加载…',
    columns: {
      title: '标题',
      language: '语言',
      length: '长度',
      imported: '导入时间',
    },
    length_one: '{{count, number}} 字',
    length_other: '{{count, number}} 字',
  },
  document: {
    loading: '正在加载文档…',
    loadFailed: '无法加载该文档。',
    notFound: '此地址没有文档。它可能已被删除，或链接有误。',
    backToList: '全部文档',
    revision: '第 {{number}} 版',
    importedAt: '导入于 {{date}}',
    readingViewLabel: '文档正文',
  },
  importDialog: {
    heading: '导入文档',
    close: '关闭',
    cancel: '取消',
    submit: '导入',
    submitting: '正在导入…',
    fields: {
      title: '标题',
      format: '格式',
      source: '内容',
      sourcePaste: '粘贴文本',
      sourceFile: '上传文件',
      content: '文本',
      file: '文件',
    },
    hints: {
      file: '纯文本（.txt）、Markdown（.md）或 HTML（.html），UTF-8 编码，不超过 {{limit}}。',
      format: '选择文件后会根据文件名自动选定。',
      selectedFile: '{{name}}，{{size}}',
    },
    problems: {
      titleRequired: '请输入标题。',
      titleTooLong: '标题有 {{length, number}} 个字符，上限为 {{max, number}}。',
      contentRequired: '请粘贴要导入的文本。',
      fileRequired: '请选择要导入的文件。',
      tooLarge: '内容大小为 {{size}}，上限为 {{limit}}。',
      otherFields: '其他问题：',
    },
  },
  errors: {
    retry: '重试',
    network: '无法连接服务器。请检查网络后重试。',
    status: '服务器返回错误（HTTP {{status}}）。',
    invalidResponse: '服务器的响应无法识别。刷新页面或许能解决。',
    codes: {
      validation_failed: '有些字段需要修改。',
      payload_too_large: '内容过大。',
      unsupported_media_type: '这似乎不是可以导入的文本。',
      unprocessable_content: '无法读取该内容。',
      not_found: '未找到。',
      service_unavailable: '服务暂时不可用，请稍后再试。',
      internal_error: '服务器出错了。',
    },
  },
  boundary: {
    heading: '出错了',
    body: '页面的这一部分无法显示。刷新通常可以解决；已保存的工作不受影响。',
    details: '技术细节',
    reload: '刷新页面',
    home: '返回文档列表',
  },
  notFound: {
    heading: '页面不存在',
    body: '此地址没有内容。',
    home: '返回文档列表',
  },
};
