/** A generated document as the API delivers it: the file's bytes inline, base64-encoded. */
export interface DeliveredFile {
  fileName: string;
  mimeType: string;
  base64: string;
}

/** The file as a Blob, its bytes decoded from base64. */
export function fileBlob(file: DeliveredFile): Blob {
  const bytes = Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0));
  return new Blob([bytes], { type: file.mimeType });
}

/**
 * Saves the file in the browser: a link to a Blob URL with `download`, clicked. No script or
 * frame is loaded from it, so the board's CSP (`script-src 'self'`) allows it.
 */
export function saveFile(file: DeliveredFile): void {
  saveBlob(fileBlob(file), file.fileName);
}

/** Saves bytes the board holds as a file named `fileName` (the way `saveFile` does). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once started; the URL is let go after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
