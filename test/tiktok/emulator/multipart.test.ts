import { boundaryOf, parseMultipart } from '../../../src/tiktok/emulator/multipart';

/** What `fetch` sends for a FormData: the body bytes and its content type. */
async function encode(form: FormData): Promise<{ body: Buffer; contentType: string }> {
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return {
    body: Buffer.from(await request.arrayBuffer()),
    contentType: request.headers.get('content-type') ?? '',
  };
}

describe('boundaryOf', () => {
  it.each([
    ['multipart/form-data; boundary=abc123', 'abc123'],
    ['multipart/form-data; boundary="quoted boundary"', 'quoted boundary'],
    ['multipart/form-data; boundary=abc; charset=utf-8', 'abc'],
    ['Multipart/Form-Data; BOUNDARY=xyz', 'xyz'],
  ])('%s → %s', (header, boundary) => {
    expect(boundaryOf(header)).toBe(boundary);
  });

  it.each([undefined, 'application/json', 'multipart/form-data'])('%j has none', (header) => {
    expect(boundaryOf(header)).toBeUndefined();
  });
});

// RFC 7578, as `fetch` + `FormData` send it.
describe('parseMultipart', () => {
  it('reads text fields and file parts as fetch sends them', async () => {
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x0d, 0x0a, 0x2d, 0x2d, 0x01]);
    const form = new FormData();
    form.set('advertiser_id', '7000000000000000001');
    form.set('file_name', 'Summer – sale.jpg');
    form.set('image_file', new Blob([bytes], { type: 'image/jpeg' }), 'summer.jpg');
    const { body, contentType } = await encode(form);
    const parsed = parseMultipart(body, boundaryOf(contentType) ?? '');
    expect(parsed.fields).toEqual({
      advertiser_id: '7000000000000000001',
      file_name: 'Summer – sale.jpg',
    });
    expect(Object.keys(parsed.files)).toEqual(['image_file']);
    expect(parsed.files.image_file?.filename).toBe('summer.jpg');
    expect(parsed.files.image_file?.content_type).toBe('image/jpeg');
    expect(parsed.files.image_file?.data.equals(bytes)).toBe(true);
  });

  it('defaults a file part without Content-Type to application/octet-stream; the last part of a name wins', () => {
    const raw = [
      '--b',
      'Content-Disposition: form-data; name="f"; filename="a.bin"',
      '',
      'AAA',
      '--b',
      'Content-Disposition: form-data; name="x"',
      '',
      'one',
      '--b',
      'Content-Disposition: form-data; name="x"',
      '',
      'two',
      '--b',
      'Content-Disposition: form-data',
      '',
      'nameless part, skipped',
      '--b--',
      '',
    ].join('\r\n');
    expect(parseMultipart(Buffer.from(raw), 'b')).toEqual({
      fields: { x: 'two' },
      files: {
        f: {
          filename: 'a.bin',
          content_type: 'application/octet-stream',
          data: Buffer.from('AAA'),
        },
      },
    });
  });

  it.each([
    ['no boundary at all', 'hello', 'multipart body has no boundary'],
    [
      'no closing delimiter',
      '--b\r\nContent-Disposition: form-data; name="x"\r\n\r\nv',
      'multipart body is not terminated',
    ],
    [
      'a part without a header block',
      '--b\r\nContent-Disposition: form-data; name="x"\r\n--b--\r\n',
      'multipart part has no header block',
    ],
  ])('throws on %s', (_name, raw, message) => {
    expect(() => parseMultipart(Buffer.from(raw), 'b')).toThrow(message);
  });
});
