// Selecting text in the ProseMirror reading view from a browser test, as a reader's mouse would.
import type { Page } from 'playwright-core';

export interface SelectOptions {
  /** A CSS selector for the element holding the reading view (when a page shows two). */
  scope?: string;
  /** Put a collapsed caret at the phrase's start instead of selecting it. */
  collapsedAtStart?: boolean;
}

/** Focuses the reading view and selects the first occurrence of `phrase` (inside one text node). */
export async function selectInReadingView(page: Page, phrase: string, options: SelectOptions = {}): Promise<void> {
  await page.evaluate(
    ({ phrase, scope, collapsedAtStart }) => {
      const root = document.querySelector<HTMLElement>(`${scope} [data-testid=reading-view]`.trim())!;
      root.focus();
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(phrase);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, collapsedAtStart ? at : at + phrase.length);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return;
      }
      throw new Error(`"${phrase}" is not in one text node of the reading view`);
    },
    { phrase, scope: options.scope ?? '', collapsedAtStart: options.collapsedAtStart ?? false },
  );
}
