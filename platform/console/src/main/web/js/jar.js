// Reads a bundle's identity (Bundle-SymbolicName, Bundle-Version) from a jar in the browser, so that the
// console can say which bundle a file is before uploading it, and refuse an update with another bundle's jar.

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const MANIFEST = 'META-INF/MANIFEST.MF';

/**
 * @param {Blob} file a jar
 * @return {Promise<{symbolicName: string, version: string}>}
 * @throws Error naming what is wrong: not a zip, no manifest, no Bundle-SymbolicName
 */
export async function bundleIdentity(file) {
  const bytes = new DataView(await file.arrayBuffer());
  const manifest = parseManifest(await readEntry(bytes, MANIFEST, file.name));
  const symbolicName = (manifest.get('Bundle-SymbolicName') || '').split(';')[0].trim();
  if (!symbolicName) {
    throw new Error(`${file.name}: ${MANIFEST} has no Bundle-SymbolicName; it is not an OSGi bundle`);
  }
  return { symbolicName, version: (manifest.get('Bundle-Version') || '0.0.0').trim() };
}

async function readEntry(bytes, wanted, fileName) {
  let end = -1;
  for (let at = bytes.byteLength - 22; at >= Math.max(0, bytes.byteLength - 22 - 65535); at--) {
    if (bytes.getUint32(at, true) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) {
    throw new Error(`${fileName} is not a jar (no zip directory)`);
  }
  const entries = bytes.getUint16(end + 10, true);
  let at = bytes.getUint32(end + 16, true);
  const names = new TextDecoder();
  for (let entry = 0; entry < entries && bytes.getUint32(at, true) === DIRECTORY_ENTRY; entry++) {
    const method = bytes.getUint16(at + 10, true);
    const size = bytes.getUint32(at + 20, true);
    const nameLength = bytes.getUint16(at + 28, true);
    const skip = nameLength + bytes.getUint16(at + 30, true) + bytes.getUint16(at + 32, true);
    const name = names.decode(new Uint8Array(bytes.buffer, at + 46, nameLength));
    if (name === wanted) {
      const local = bytes.getUint32(at + 42, true);
      if (bytes.getUint32(local, true) !== LOCAL_HEADER) {
        throw new Error(`${fileName}: damaged zip entry ${wanted}`);
      }
      const start = local + 30 + bytes.getUint16(local + 26, true) + bytes.getUint16(local + 28, true);
      const data = new Blob([new Uint8Array(bytes.buffer, start, size)]);
      if (method === 0) {
        return data.text();
      }
      if (method === 8) {
        return new Response(data.stream().pipeThrough(new DecompressionStream('deflate-raw'))).text();
      }
      throw new Error(`${fileName}: ${wanted} uses zip method ${method}, which the console cannot read`);
    }
    at += 46 + skip;
  }
  throw new Error(`${fileName} has no ${wanted}; it is not an OSGi bundle`);
}

/** The main section of a manifest: 'Name: value' lines, a line starting with a blank continuing the one before. */
function parseManifest(text) {
  const headers = new Map();
  let last = null;
  for (const line of text.split(/\r?\n/)) {
    if (line === '') {
      break;
    }
    if (line.startsWith(' ') && last) {
      headers.set(last, headers.get(last) + line.slice(1));
    } else {
      const colon = line.indexOf(':');
      last = line.slice(0, colon);
      headers.set(last, line.slice(colon + 1).replace(/^ /, ''));
    }
  }
  return headers;
}
