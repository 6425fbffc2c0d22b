import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { UserText } from './user-text';

const html = (text: string) => renderToStaticMarkup(createElement(UserText, null, text));

describe('UserText', () => {
  it('marks text holding Chinese as zh-CN, for a screen reader on an English page', () => {
    expect(html('陈静')).toBe('<span lang="zh-CN">陈静</span>');
    expect(html('Foshan 精工 Ltd')).toBe('<span lang="zh-CN">Foshan 精工 Ltd</span>');
  });

  it('leaves other text in the page’s language, escaped as any text', () => {
    expect(html('Jane Chen')).toBe('Jane Chen');
    expect(html('<b>x</b>')).toBe('&lt;b&gt;x&lt;/b&gt;');
  });
});
