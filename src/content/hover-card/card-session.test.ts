// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { CardSession } from './card-session';

function markWith(candidates?: string): Element {
  document.body.innerHTML = `<bs-mark data-entry-id="karim"${candidates ? ` data-candidates="${candidates}"` : ''}>Karim</bs-mark>`;
  return document.querySelector('bs-mark')!;
}

describe('CardSession', () => {
  it('offers the other candidates on the mark\'s own card only', () => {
    const session = new CardSession(markWith('karim volkov'), 'pointer', 'karim');
    expect(session.others()).toEqual(['volkov']);
    expect(session.navigate('grain-accord')).toBe(true);
    expect(session.others()).toEqual([]);
  });

  it('navigates with a way back, and not to the entry shown', () => {
    const session = new CardSession(markWith(), 'focus', 'karim');
    expect(session.navigate('karim')).toBe(false);
    expect(session.previous).toBeUndefined();
    session.navigate('grain-accord');
    session.navigate('volkov');
    expect(session.previous).toBe('grain-accord');
    expect(session.back()).toBe(true);
    expect(session.currentId).toBe('grain-accord');
    expect(session.back()).toBe(true);
    expect(session.currentId).toBe('karim');
    expect(session.back()).toBe(false);
    expect(session.currentId).toBe('karim');
  });

  it('"not this one" moves to the next candidate not rejected, then to none', () => {
    const session = new CardSession(markWith('karim volkov'), 'pointer', 'karim');
    expect(session.reject()).toEqual({ rejected: 'karim', next: 'volkov' });
    expect(session.currentId).toBe('volkov');
    expect(session.others()).toEqual([]);
    expect(session.reject()).toEqual({ rejected: 'volkov', next: undefined });
  });
});
