// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { MentionLedger } from './mention-ledger';

/** A text node in the body. */
function text(data: string): Text {
  const node = document.createTextNode(data);
  document.body.append(node);
  return node;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('MentionLedger', () => {
  it('counts marks and counted-only mentions per entry, and forgets each once', () => {
    const ledger = new MentionLedger();
    ledger.add(0, 'putin', 'mark', text('Putin'));
    ledger.add(1, 'putin', 'counted', text('Putin'));
    ledger.add(2, 'hama', 'mark', text('Hama'));
    expect(ledger.counts()).toEqual({ putin: 2, hama: 1 });
    expect(ledger.marks).toBe(2);
    expect(ledger.hasMark('putin')).toBe(true);

    expect(ledger.forget(0)).toBe(true);
    expect(ledger.forget(0)).toBe(false);
    expect(ledger.counts()).toEqual({ putin: 1, hama: 1 });
    expect(ledger.marks).toBe(1);
    expect(ledger.hasMark('putin')).toBe(false);

    // Counting a number again replaces it rather than counting it twice.
    ledger.add(2, 'hama', 'mark', text('Hama'));
    expect(ledger.counts()).toEqual({ putin: 1, hama: 1 });
    expect(ledger.size).toBe(2);
  });

  it('a sweep drops the mentions whose node left the document, and says which entries lost their last mark', () => {
    const ledger = new MentionLedger();
    const p = document.createElement('p');
    document.body.append(p);
    const inP = document.createTextNode('Putin');
    p.append(inP);
    ledger.add(0, 'putin', 'mark', inP);
    ledger.add(1, 'putin', 'counted', text('Putin again'));
    ledger.add(2, 'hama', 'mark', text('Hama'));
    expect(ledger.sweep()).toEqual({ dropped: 0, marks: 0, unmarked: [] });

    p.remove();
    expect(ledger.sweep()).toEqual({ dropped: 1, marks: 1, unmarked: ['putin'] });
    expect(ledger.counts()).toEqual({ putin: 1, hama: 1 });
    expect(ledger.marks).toBe(1);
    expect(ledger.size).toBe(2);
  });

  it('a wrapped mention is present while its mark is, whatever becomes of the text node it started in', () => {
    const ledger = new MentionLedger();
    const start = text('Putin');
    ledger.add(0, 'putin', 'mark', start);
    const mark = document.createElement('bs-mark');
    document.body.append(mark);
    ledger.anchor(0, mark);
    start.remove();
    expect(ledger.sweep().dropped).toBe(0);
    mark.remove();
    expect(ledger.sweep().dropped).toBe(1);
    expect(ledger.counts()).toEqual({});
    expect(ledger.marks).toBe(0);
  });

  it('forgetCounted drops only the counted-only mentions', () => {
    const ledger = new MentionLedger();
    ledger.add(0, 'putin', 'mark', text('Putin'));
    ledger.add(1, 'putin', 'counted', text('Putin'));
    ledger.add(2, 'putin', 'counted', text('Putin'));
    ledger.forgetCounted();
    expect(ledger.counts()).toEqual({ putin: 1 });
    expect(ledger.marks).toBe(1);
    expect(ledger.size).toBe(1);
  });
});
