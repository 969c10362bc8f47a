import { describe, expect, it } from 'vitest';
import { negotiateLanguage } from './language';

describe('negotiateLanguage', () => {
  it.each([
    [undefined, 'ms'],
    ['', 'ms'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['ms-MY', 'ms'],
    ['fr-FR,fr;q=0.9', 'ms'],
    ['fr,en;q=0.5', 'en'],
    ['en;q=0.4,ms;q=0.8', 'ms'],
    ['ms;q=0.2,en;q=0.3', 'en'],
    ['en;q=0', 'ms'],
    ['zh-CN,zh;q=0.9,en;q=0.8,ms;q=0.7', 'en'],
    ['en;q=abc', 'ms'],
  ])('%s -> %s', (header, expected) => {
    expect(negotiateLanguage(header)).toBe(expected);
  });
});
