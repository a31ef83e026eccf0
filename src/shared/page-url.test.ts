import { describe, expect, it } from 'vitest';
import { normalizePageUrl, siteOf } from './page-url';

describe('normalizePageUrl', () => {
  it('drops the fragment and tracking parameters, keeps the rest in order', () => {
    expect(normalizePageUrl('https://a.example/story?id=4&utm_source=tw&UTM_Campaign=x&fbclid=1&page=2#comments')).toBe('https://a.example/story?id=4&page=2');
  });
  it('leaves a clean URL alone', () => {
    expect(normalizePageUrl('https://a.example/story')).toBe('https://a.example/story');
  });
  it('gives the site of a URL', () => {
    expect(siteOf('https://www.a.example:8080/x')).toBe('www.a.example');
    expect(siteOf('not a url')).toBe('');
  });
});
