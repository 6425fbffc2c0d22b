// The English pages' text is English: no Han character and no Chinese or full-width punctuation in
// the visible text (the body's innerText and the <title>), except proper names and user data.
//
// What counts as a proper name or user data: (1) the text of any element marked `lang="zh…"` (right
// for screen readers too: it is read with a Chinese voice); (2) the demo data, i.e. every run of Han
// and Chinese punctuation in the string literals of the seed (lib/seed/*.ts and lib/seed/data/*.ts:
// names of enterprises, institutions, products, people, need descriptions, reasons), plus the name of
// the default innovation-score weight set that the database starts with. A run on the page passes when
// it is one of those runs or several of them back to back (a name built from the seed's parts, e.g.
// 佛山市 + 南海区 + 华锐 + 智能装备 + 有限公司, or a template filled in), and the word it stands in
// (up to white space) holds a Han character: a 、 or ： or （ between English words never passes.
// The seed's notifications are left out: the app must render them in the reader's language.
// Limits: an interface word that is also a whole seed run (a two-character trade name such as 精工)
// would pass; data typed in another spec's run is not in the seed (mark it lang="zh" where shown).
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { WEIGHT_SET_V1 } from '../../lib/innovation/weights';

/** Han ideographs, CJK symbols and punctuation (U+3000–303F), full-width forms (U+FF00–FFEF). */
const NOT_ENGLISH = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]+/gu;
const HAN = /\p{Script=Han}/u;

const SEED_DIRS = ['lib/seed', 'lib/seed/data'];
const NOT_DATA = new Set(['lib/seed/notifications.ts']);

function seedRuns(root = process.cwd()): Set<string> {
  const runs = new Set<string>();
  for (const dir of SEED_DIRS) {
    for (const name of fs.readdirSync(path.join(root, dir))) {
      const rel = `${dir}/${name}`;
      if (!name.endsWith('.ts') || name.endsWith('.test.ts') || NOT_DATA.has(rel)) continue;
      // Comments are prose about the data, not data.
      const code = fs
        .readFileSync(path.join(root, rel), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '')
        .replace(/ \/\/ .*$/gm, '');
      for (const m of code.matchAll(NOT_ENGLISH)) runs.add(m[0]);
    }
  }
  for (const m of WEIGHT_SET_V1.name.matchAll(NOT_ENGLISH)) runs.add(m[0]);
  return runs;
}

let allowed: Set<string> | undefined;
const verdicts = new Map<string, boolean>();

function isSeedText(run: string): boolean {
  let v = verdicts.get(run);
  if (v === undefined) verdicts.set(run, (v = splitsIntoSeedRuns(run, (allowed ??= seedRuns()))));
  return v;
}

/** The run is the seed's runs back to back (a name built from parts, a template filled in). */
function splitsIntoSeedRuns(run: string, runs: Set<string>): boolean {
  const reachable = new Uint8Array(run.length + 1);
  reachable[0] = 1;
  for (let i = 0; i < run.length; i++) {
    if (!reachable[i]) continue;
    for (let j = i + 1; j <= run.length; j++) if (runs.has(run.slice(i, j))) reachable[j] = 1;
  }
  return reachable[run.length] === 1;
}

/** The visible text (title and body) without the elements marked as Chinese. */
async function englishText(page: Page): Promise<string> {
  return page.evaluate(() => {
    let text = document.body.innerText;
    for (const el of document.body.querySelectorAll<HTMLElement>('[lang|="zh"]')) text = text.replace(el.innerText, ' ');
    return `${document.title}\n${text}`;
  });
}

/** One line per run of Han or Chinese punctuation that is neither a proper name nor user data, with its surroundings. */
export async function chineseInEnglish(page: Page, where: string): Promise<string[]> {
  const text = await englishText(page);
  const found = new Map<string, string>();
  for (const m of text.matchAll(NOT_ENGLISH)) {
    const at = m.index ?? 0;
    // The word around the run (up to white space): punctuation between Latin words is English text's.
    const word = text.slice(text.slice(0, at).search(/\S*$/), at + m[0].length + (text.slice(at + m[0].length).match(/^\S*/)?.[0].length ?? 0));
    if (found.has(m[0]) || (HAN.test(word) && isSeedText(m[0]))) continue;
    found.set(m[0], text.slice(Math.max(0, at - 30), at + m[0].length + 30).replace(/\s+/g, ' '));
  }
  return [...found].map(([run, around]) => `Chinese on an English page ${where}: "${run}" in "…${around}…"`);
}
