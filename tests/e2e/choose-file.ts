import type { DriverPage } from './driver';

/** Chooses a file in the page's (the Data view's) file input, as a reader does. */
export async function chooseFile(options: DriverPage, name: string, text: string): Promise<void> {
  await options.waitForSelector('input[type="file"]', { state: 'attached' });
  await options.evaluate(
    ({ name, text }) => {
      const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], name, { type: 'application/json' }));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    { name, text },
  );
}
