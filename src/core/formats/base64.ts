/** Bytes as base64 and back, for binary files kept in text fields (a .docx kept as the original). */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  const step = 0x8000;
  for (let at = 0; at < bytes.length; at += step)
    out += String.fromCharCode(...bytes.subarray(at, at + step));
  return btoa(out);
}

export function fromBase64(text: string): Uint8Array {
  const raw = atob(text);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i += 1) out[i] = raw.charCodeAt(i);
  return out;
}
