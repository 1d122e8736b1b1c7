import { describe, expect, it } from 'vitest';
import { en } from './messages.en';
import { zh } from './messages.zh';

describe('the dictionaries', () => {
  it('have the same keys and no empty string', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const [key, text] of [...Object.entries(zh), ...Object.entries(en)])
      expect(text.trim(), key).not.toBe('');
  });

  it('keep the same placeholders in both languages', () => {
    const holes = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
    for (const key of Object.keys(zh) as Array<keyof typeof zh>)
      expect(holes(en[key]), key).toEqual(holes(zh[key]));
  });

  it('say nothing in Chinese in English but the region’s proper name', () => {
    for (const [key, text] of Object.entries(en))
      expect(text.replace('示范市', ''), key).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
