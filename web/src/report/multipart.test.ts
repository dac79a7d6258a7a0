import { describe, expect, it } from 'vitest';
import { boundaryFor, buildMultipart } from './multipart';

describe('multipart body', () => {
  it('is the same bytes on every retry of the same key', async () => {
    const photo = new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xd9])], { type: 'image/jpeg' });
    const a = buildMultipart('k1', '{"category":"banjir"}', [photo]);
    const b = buildMultipart('k1', '{"category":"banjir"}', [photo]);
    expect(a.contentType).toBe(b.contentType);
    expect(new Uint8Array(await a.body.arrayBuffer())).toEqual(new Uint8Array(await b.body.arrayBuffer()));
  });
  it('has a "report" JSON part and one "photo" part per photo, parsable as form data', async () => {
    const p1 = new Blob(['one'], { type: 'image/jpeg' });
    const p2 = new Blob(['two'], { type: 'image/png' });
    const mp = buildMultipart('abc-123', '{"x":1}', [p1, p2]);
    expect(mp.contentType).toBe(`multipart/form-data; boundary=${boundaryFor('abc-123')}`);
    const form = await new Response(mp.body, { headers: { 'Content-Type': mp.contentType } }).formData();
    expect(form.get('report')).toBe('{"x":1}');
    const photos = form.getAll('photo') as File[];
    expect(photos.map((f) => f.name)).toEqual(['foto-1.jpg', 'foto-2.png']);
    expect(await photos[1]!.text()).toBe('two');
  });
  it('keeps the boundary to safe characters', () => {
    expect(boundaryFor('a/b+c=d')).toBe('----kotacerdas-abcd');
  });
});
