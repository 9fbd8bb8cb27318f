/** A file made in memory, as the export jobs return it. */
export type MadeFile = { readonly fileName: string; readonly mimeType: string; readonly bytes: Uint8Array };

/** Hands a Blob to the browser's download through a hidden link, then releases its object URL. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // The download has taken the URL by the next task; releasing it later frees the Blob.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

export function downloadText(fileName: string, mime: string, text: string): void {
  downloadBlob(fileName, new Blob([text], { type: `${mime};charset=utf-8` }));
}

export function downloadFile(file: MadeFile): void {
  downloadBlob(file.fileName, new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.mimeType }));
}
