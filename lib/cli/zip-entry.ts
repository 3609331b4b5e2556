import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { crc32, inflateRawSync } from 'node:zlib';

// The ZIP layout read here (PKWARE APPNOTE.TXT 6.3.10): the end of central directory record
// (4.3.16) at the end of the file points at the central directory (4.3.12), whose entries give
// each file's compression method, CRC-32, sizes and the offset of its local header (4.3.7).
const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

/**
 * The bytes of one file of a ZIP archive (stored or deflated, not ZIP64), checked against the
 * CRC-32 the archive records. Throws a message naming the archive and the entry when the entry
 * is missing or its bytes do not match.
 */
export function readZipEntry(archive: string, entry: string): Buffer {
  const fd = openSync(archive, 'r');
  try {
    const size = fstatSync(fd).size;
    const read = (offset: number, length: number) => {
      const buffer = Buffer.alloc(length);
      readSync(fd, buffer, 0, length, offset);
      return buffer;
    };
    // The record is 22 bytes plus a comment of at most 65535.
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = read(size - tailLength, tailLength);
    let end = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === END_OF_DIRECTORY) {
        end = i;
        break;
      }
    }
    if (end < 0) throw new Error(`${archive} is not a ZIP archive (no end of central directory record)`);
    const count = tail.readUInt16LE(end + 10);
    const directory = read(tail.readUInt32LE(end + 16), tail.readUInt32LE(end + 12));
    let at = 0;
    for (let i = 0; i < count; i++) {
      if (directory.readUInt32LE(at) !== DIRECTORY_ENTRY) throw new Error(`${archive}: its central directory is damaged at entry ${i}`);
      const method = directory.readUInt16LE(at + 10);
      const crc = directory.readUInt32LE(at + 16);
      const compressedSize = directory.readUInt32LE(at + 20);
      const nameLength = directory.readUInt16LE(at + 28);
      const extraLength = directory.readUInt16LE(at + 30);
      const commentLength = directory.readUInt16LE(at + 32);
      const localOffset = directory.readUInt32LE(at + 42);
      const name = directory.toString('utf8', at + 46, at + 46 + nameLength);
      at += 46 + nameLength + extraLength + commentLength;
      if (name !== entry) continue;
      const local = read(localOffset, 30);
      if (local.readUInt32LE(0) !== LOCAL_HEADER) throw new Error(`${archive}: the local header of ${entry} is damaged`);
      const dataOffset = localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
      const raw = read(dataOffset, compressedSize);
      if (method !== STORED && method !== DEFLATED) throw new Error(`${archive}: ${entry} uses compression method ${method}, not stored or deflated`);
      const bytes = method === STORED ? raw : inflateRawSync(raw);
      if (crc32(bytes) >>> 0 !== crc) throw new Error(`${archive}: ${entry} does not match the CRC-32 the archive records`);
      return bytes;
    }
    throw new Error(`${archive} holds no ${entry}`);
  } finally {
    closeSync(fd);
  }
}
