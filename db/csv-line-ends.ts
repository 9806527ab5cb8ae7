const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

/**
 * Rewrites the record ends of CSV text from LF, which PostgreSQL's COPY writes (it has no option for
 * another), to CRLF, which RFC 4180 asks for and `csvRecord` writes. An LF inside a quoted field is data and
 * stays as it is: a quote toggles "inside a field" (a doubled quote toggles twice), so the state is known
 * without parsing fields. The state carries over from one chunk to the next, so chunks may be cut anywhere.
 * Searches with indexOf rather than a loop over bytes: the text is tens of megabytes.
 */
export function crlfRecordEnds(): (chunk: Uint8Array) => Uint8Array {
  let quoted = false;
  return (input) => {
    const chunk = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    const ends: number[] = [];
    let quote = chunk.indexOf(QUOTE);
    let lf = chunk.indexOf(LF);
    for (;;) {
      if (quoted) {
        if (quote < 0) break;
        quoted = false;
        const from = quote + 1;
        quote = chunk.indexOf(QUOTE, from);
        if (lf >= 0 && lf < from) lf = chunk.indexOf(LF, from);
      } else if (quote >= 0 && (lf < 0 || quote < lf)) {
        quoted = true;
        quote = chunk.indexOf(QUOTE, quote + 1);
      } else if (lf >= 0) {
        ends.push(lf);
        lf = chunk.indexOf(LF, lf + 1);
      } else {
        break;
      }
    }
    if (ends.length === 0) return input;
    const output = Buffer.allocUnsafe(chunk.length + ends.length);
    let from = 0;
    let to = 0;
    for (const end of ends) {
      to += chunk.copy(output, to, from, end);
      output[to++] = CR;
      output[to++] = LF;
      from = end + 1;
    }
    chunk.copy(output, to, from);
    return output;
  };
}
