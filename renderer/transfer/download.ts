/** Offers bytes the host made as a download (a blob: link clicked once); the browser or the desktop asks where to save. */
export function download(name: string, contentBase64: string): void {
  const bin = atob(contentBase64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/zip' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: the download reads the blob after this task.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
