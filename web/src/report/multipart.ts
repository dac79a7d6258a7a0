// A multipart/form-data body built by hand, byte for byte the same on every retry: the
// boundary comes from the Idempotency-Key, so the server's fingerprint of a re-sent queued
// report matches the first attempt (FormData would pick a new random boundary each time).
export interface MultipartBody {
  body: Blob;
  contentType: string;
}

export function boundaryFor(key: string): string {
  return `----kotacerdas-${key.replace(/[^A-Za-z0-9]/g, '').slice(0, 40)}`;
}

function extension(type: string): string {
  if (type === 'image/png') return 'png';
  if (type === 'image/webp') return 'webp';
  return 'jpg';
}

/** Part "report" (the JSON text as given) then one part "photo" per blob. */
export function buildMultipart(key: string, reportJson: string, photos: Blob[]): MultipartBody {
  const b = boundaryFor(key);
  const parts: BlobPart[] = [
    `--${b}\r\nContent-Disposition: form-data; name="report"\r\nContent-Type: application/json\r\n\r\n`,
    reportJson,
    '\r\n',
  ];
  photos.forEach((p, i) => {
    const type = p.type || 'image/jpeg';
    parts.push(
      `--${b}\r\nContent-Disposition: form-data; name="photo"; filename="foto-${i + 1}.${extension(type)}"\r\n` +
        `Content-Type: ${type}\r\n\r\n`,
      p,
      '\r\n',
    );
  });
  parts.push(`--${b}--\r\n`);
  return { body: new Blob(parts), contentType: `multipart/form-data; boundary=${b}` };
}
