// English pages read as English: no Han character and no CJK or full-width punctuation (、，：；（）。「」)
// in any English text, the namespaces' English halves included (they are merged into `en`).
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { keysOf } from './translate';
import { zh } from './zh';

/** Han ideographs, CJK symbols and punctuation (U+3000–303F), full-width forms (U+FF00–FFEF). */
const NOT_ENGLISH = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

function texts(obj: object, prefix = ''): [string, string][] {
  return Object.entries(obj).flatMap(([k, v]): [string, string][] => (typeof v === 'string' ? [[`${prefix}${k}`, v]] : texts(v as object, `${prefix}${k}.`)));
}

describe('English texts', () => {
  it('reads every English text (as many as the Chinese ones)', () => {
    expect(texts(en).length).toBe(keysOf(zh).length);
  });

  it('hold no Han character and no Chinese or full-width punctuation', () => {
    const wrong = texts(en)
      .filter(([, text]) => NOT_ENGLISH.test(text))
      .map(([key, text]) => `${key}: ${text}`);
    expect(wrong).toEqual([]);
  });

  it('the check itself catches Chinese punctuation and Han', () => {
    for (const s of ['Signed in as：', 'Mortgage、Guarantee', '（10k CNY）', '融担贷 loans', '「quoted」']) expect(s).toMatch(NOT_ENGLISH);
    for (const s of ['Signed in as: ', 'Mortgage, Guarantee', '(10k CNY)', '1–9 digits · “quoted” — ok']) expect(s).not.toMatch(NOT_ENGLISH);
  });
});
