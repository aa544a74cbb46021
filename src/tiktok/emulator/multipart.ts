/**
 * A minimal `multipart/form-data` parser (RFC 7578) for the upload endpoints, so the emulator
 * needs no extra dependency. Handles what `fetch` + `FormData` send: CRLF line breaks, one
 * `Content-Disposition` per part, optional `filename` and `Content-Type`.
 */

/** A file part. */
export interface MultipartFile {
  filename: string;
  content_type: string;
  data: Buffer;
}

/** Parsed form: text fields and file fields by name (last one wins). */
export interface MultipartForm {
  fields: Record<string, string>;
  files: Record<string, MultipartFile>;
}

/** The boundary from a `Content-Type: multipart/form-data; boundary=…` header, or undefined. */
export function boundaryOf(contentType: string | undefined): string | undefined {
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
  return match?.[1] ?? match?.[2]?.trim();
}

function headerParam(header: string, name: string): string | undefined {
  const match = new RegExp(`${name}="([^"]*)"`, 'i').exec(header);
  return match?.[1];
}

/** Splits `body` on `--boundary` and parses each part. Throws on a malformed body. */
export function parseMultipart(body: Buffer, boundary: string): MultipartForm {
  const form: MultipartForm = { fields: {}, files: {} };
  const delimiter = Buffer.from(`--${boundary}`);
  let pos = body.indexOf(delimiter);
  if (pos < 0) throw new Error('multipart body has no boundary');
  for (;;) {
    pos += delimiter.length;
    if (body.subarray(pos, pos + 2).toString() === '--') break; // closing delimiter
    pos += 2; // CRLF after the delimiter
    const next = body.indexOf(delimiter, pos);
    if (next < 0) throw new Error('multipart body is not terminated');
    const part = body.subarray(pos, next - 2); // drop the CRLF before the next delimiter
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) throw new Error('multipart part has no header block');
    const headers = part.subarray(0, split).toString('utf8');
    const data = part.subarray(split + 4);
    const disposition = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? '';
    const name = headerParam(disposition, 'name');
    if (name !== undefined) {
      const filename = headerParam(disposition, 'filename');
      if (filename !== undefined) {
        const content_type =
          /content-type:\s*([^\r\n]*)/i.exec(headers)?.[1]?.trim() ?? 'application/octet-stream';
        form.files[name] = { filename, content_type, data: Buffer.from(data) };
      } else {
        form.fields[name] = data.toString('utf8');
      }
    }
    pos = next;
  }
  return form;
}
