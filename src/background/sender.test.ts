import { describe, expect, it } from 'vitest';
import { classifySender } from './sender';

const ID = 'abcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;

describe('classifySender', () => {
  it('treats our own pages as extension senders', () => {
    expect(classifySender({ id: ID, url: `${ORIGIN}popup.html` }, ID, ORIGIN)).toEqual({ kind: 'extension' });
  });

  it('takes a content script page from the sender, normalised', () => {
    const sender = classifySender({ id: ID, url: 'https://news.example/a?utm_source=x&id=7#top', tab: { id: 9 } }, ID, ORIGIN);
    expect(sender).toEqual({ kind: 'content', page: 'https://news.example/a?id=7', site: 'news.example', tabId: 9 });
  });

  it('ignores other extensions and non-web pages', () => {
    expect(classifySender({ id: 'other', url: 'https://news.example/' , tab: { id: 1 } }, ID, ORIGIN)).toBeNull();
    expect(classifySender({ id: ID, url: 'file:///etc/passwd', tab: { id: 1 } }, ID, ORIGIN)).toBeNull();
  });
});
