// Punctuation that follows the reader's language, so an English page never shows 、 or ：. A label's
// colon is t('app.colon'), a list of clauses is joined with t('app.clauseSeparator'), an aside in
// brackets is t('app.aside', { text }).
import type { Translate } from './translate';

/** Items as one list: 抵押、保证 in Chinese, "Mortgage, Guarantee" in English. */
export function joinList(t: Translate, items: readonly string[]): string {
  return items.join(t('app.listSeparator'));
}
