// Photos are made smaller in the browser before upload (phones take 12 MP pictures; the
// server keeps at most 10 MB per photo and people pay for data): the long side is brought to
// at most MAX_SIDE pixels and the image re-encoded as JPEG.
export const MAX_SIDE = 1600;
export const JPEG_QUALITY = 0.82;

/** The size that fits `maxSide` keeping the aspect ratio; never enlarges; at least 1x1. */
export function fitWithin(width: number, height: number, maxSide = MAX_SIDE): { width: number; height: number } {
  if (!(width > 0) || !(height > 0)) return { width: 0, height: 0 };
  const long = Math.max(width, height);
  if (long <= maxSide) return { width: Math.round(width), height: Math.round(height) };
  const scale = maxSide / long;
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

/** True when re-encoding cannot help: small enough already and a format the server takes. */
export function keepOriginal(type: string, bytes: number, width: number, height: number): boolean {
  const accepted = type === 'image/jpeg' || type === 'image/png' || type === 'image/webp';
  return accepted && Math.max(width, height) <= MAX_SIDE && bytes <= 1_500_000;
}

export interface Downscaled {
  blob: Blob;
  width: number;
  height: number;
}

/** Decodes `file` (EXIF rotation applied), draws it at fitWithin size and encodes JPEG. */
export async function downscale(file: Blob): Promise<Downscaled> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    if (keepOriginal(file.type, file.size, bitmap.width, bitmap.height)) {
      return { blob: file, width: bitmap.width, height: bitmap.height };
    }
    const size = fitWithin(bitmap.width, bitmap.height);
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('canvas 2d unavailable');
    ctx.fillStyle = '#fff'; // transparent PNG areas become white, not black, in JPEG
    ctx.fillRect(0, 0, size.width, size.height);
    ctx.drawImage(bitmap, 0, 0, size.width, size.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY));
    if (!blob) throw new Error('canvas encoding failed');
    return { blob, ...size };
  } finally {
    bitmap.close();
  }
}
