/**
 * Reading a contract file before YAML sees it: bounded in size, and strictly UTF-8, so a
 * Latin-1 file is refused at its first bad byte instead of having its bytes silently replaced.
 */
import * as fs from 'fs';
import { fileTooLarge, invalidUtf8, type ContractError } from './errors';
import { MAX_FILE_BYTES } from './limits';

const strict = new TextDecoder('utf-8', { fatal: true });

/** The text of `file`, or the errors that say why it cannot be read; `name` is how errors refer to it. */
export function readContractText(file: string, name: string): { text: string } | { errors: ContractError[] } {
  let bytes: Buffer;
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_FILE_BYTES) return { errors: [fileTooLarge(name, size)] };
    bytes = fs.readFileSync(file);
  } catch (error) {
    return { errors: [{ file: name, line: 1, column: 1, path: '', message: `cannot read file: ${(error as Error).message}`, hint: 'check that the file exists and is readable' }] };
  }
  // A file may grow between stat and read.
  if (bytes.length > MAX_FILE_BYTES) return { errors: [fileTooLarge(name, bytes.length)] };
  return decodeContract(name, bytes);
}

/** Strict UTF-8 decoding; a byte order mark is dropped. */
export function decodeContract(name: string, bytes: Uint8Array): { text: string } | { errors: ContractError[] } {
  try {
    return { text: strict.decode(bytes) };
  } catch {
    const offset = firstInvalidByte(bytes);
    const lineStart = bytes.lastIndexOf(0x0a, offset - 1) + 1;
    const line = countLineBreaks(bytes, lineStart) + 1;
    // The bytes before the bad one on its line are valid, so they decode to the column.
    const column = Array.from(strict.decode(bytes.subarray(lineStart, offset))).length + 1;
    return { errors: [invalidUtf8(name, line, column, bytes[offset])] };
  }
}

function countLineBreaks(bytes: Uint8Array, end: number): number {
  let count = 0;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) count++;
  return count;
}

/**
 * Offset of the first byte that does not start or continue a well-formed UTF-8 sequence (the
 * Unicode standard's table 3-7: no overlong forms, no surrogates, nothing past U+10FFFF).
 */
export function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead <= 0x7f) length = 1;
    else if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      const min = k === 1 ? low : 0x80;
      const max = k === 1 ? high : 0xbf;
      // A truncated sequence is bad at its lead byte: that is where an editor shows the odd character.
      if (next === undefined || next < min || next > max) return i;
    }
    i += length;
  }
  return bytes.length;
}
