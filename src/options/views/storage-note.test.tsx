// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { useLocale } from '../../../tests/unit/use-locale';
import { setI18nApi } from '../../shared/i18n';
import { StorageNote } from './storage-note';

const root = document.createElement('div');
document.body.append(root);
afterEach(() => {
  render(null, root);
  setI18nApi(undefined);
});

const button = () => root.querySelector('button');
/** Clicks the button and lets its handler's awaited promises settle before the render is flushed. */
async function click(): Promise<void> {
  await act(async () => {
    button()!.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

describe('StorageNote', () => {
  it('says the data is kept, with no button, when the browser keeps it', () => {
    for (const protection of ['persistent', 'unlimited'] as const) {
      act(() => render(<StorageNote protection={protection} onChanged={() => undefined} />, root));
      expect(root.querySelector('[data-testid=storage-protection]')?.getAttribute('data-state')).toBe(protection);
      expect(root.textContent).toContain('Kept when disk space runs low.');
      expect(button()).toBeNull();
    }
  });

  it('warns that the browser may delete the data, and asks it to keep it on a click', async () => {
    const onChanged = vi.fn();
    const persist = vi.fn(async () => true);
    act(() => render(<StorageNote protection="best-effort" onChanged={onChanged} persist={persist} />, root));
    expect(root.textContent).toContain('The browser may delete this data when disk space runs low.');
    expect(root.textContent).toContain('export your highlights');
    await click();
    expect(persist).toHaveBeenCalledOnce();
    expect(onChanged).toHaveBeenCalledOnce();
  });

  it('says what to do when the browser declines', async () => {
    const onChanged = vi.fn();
    act(() => render(<StorageNote protection="best-effort" onChanged={onChanged} persist={async () => false} />, root));
    await click();
    expect(root.querySelector('[role=status]')?.textContent).toMatch(/declined\. Export your highlights/);
    expect(onChanged).not.toHaveBeenCalled();
  });

  it('speaks the interface language (Turkish), button and refusal included', async () => {
    useLocale('tr');
    act(() => render(<StorageNote protection="best-effort" onChanged={() => undefined} persist={async () => false} />, root));
    expect(root.querySelector('strong')?.textContent).toBe('Tarayıcı, disk alanı azaldığında bu verileri silebilir.');
    expect(button()?.textContent).toBe('Tarayıcıdan Backstory\'nin verilerini korumasını iste');
    await click();
    expect(root.querySelector('[role=status]')?.textContent).toMatch(/^Tarayıcı reddetti\./);
  });
});
