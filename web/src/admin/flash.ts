// A confirmation carried across one navigation inside the admin pages (e.g. "Kategori
// disimpan." shown on the list the editor returns to). Taken once.
let pending = '';

export function setFlash(message: string): void {
  pending = message;
}

export function takeFlash(): string {
  const m = pending;
  pending = '';
  return m;
}
