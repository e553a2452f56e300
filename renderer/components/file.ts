/** Files the user picks in the page (the browser reads them; the host receives their content). */
export async function readBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await readBuffer(file));
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

export async function readText(file: Blob): Promise<string> {
  return new TextDecoder().decode(await readBuffer(file));
}

function readBuffer(file: Blob): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(r.result as ArrayBuffer);
    r.onerror = () => reject(r.error ?? new Error('read failed'));
    r.readAsArrayBuffer(file);
  });
}
