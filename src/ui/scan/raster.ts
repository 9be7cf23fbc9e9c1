/** A badge image that is not a PNG (SVG, JPEG, …) drawn into a PNG, to bake a badge into (issue 7). */

const SIDE = 512;

export async function pngOf(image: Blob): Promise<Uint8Array> {
  const url = URL.createObjectURL(image);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    // An SVG may have no intrinsic size: draw it as a square.
    const w = img.naturalWidth || SIDE;
    const h = img.naturalHeight || SIDE;
    const scale = SIDE / Math.max(w, h);
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(w * scale));
    canvas.height = Math.max(1, Math.round(h * scale));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d canvas');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('the image could not be drawn');
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}
