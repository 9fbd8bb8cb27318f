/** A file made in memory, as the export jobs return it. */
export type MadeFile = { readonly fileName: string; readonly mimeType: string; readonly bytes: Uint8Array };

/** Hands a file to the browser's download: a Blob behind an object URL, clicked through a hidden link. */
export function downloadFile(file: MadeFile): void {
  const blob = new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.mimeType });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken the URL by the next task; releasing it later frees the Blob.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
