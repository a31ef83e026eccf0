/**
 * Catches an extension page's downloads instead of saving them: evaluate
 * {@link catchDownloads} in the page, and each file the page would save (a Blob
 * URL clicked as a download link) is pushed to `window.__downloads`.
 */

/** The page's global once {@link catchDownloads} ran in it. */
export interface CaughtDownloads {
  __downloads: { name: string; blob: Blob }[];
}

/** Installs the catcher in the page it is evaluated in; self-contained, as page evaluation requires. */
export function catchDownloads(): void {
  const w = window as unknown as CaughtDownloads;
  w.__downloads = [];
  const blobs = new Map<string, Blob>();
  const create = URL.createObjectURL.bind(URL);
  URL.createObjectURL = (blob: Blob) => {
    const url = create(blob);
    blobs.set(url, blob);
    return url;
  };
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    w.__downloads.push({ name: this.download, blob: blobs.get(this.href)! });
  };
}
