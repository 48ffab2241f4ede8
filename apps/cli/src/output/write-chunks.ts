import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';

/** Writes chunks as they come, waiting whenever the stream asks to (a slow pipe must not make us buffer it all). */
export async function writeChunks(chunks: AsyncIterable<string>, out: Writable): Promise<number> {
  let count = 0;
  for await (const chunk of chunks) {
    count += 1;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  return count;
}

/** Writes chunks to a file, creating or replacing it, and resolves once the file is complete on disk. */
export async function writeChunksToFile(chunks: AsyncIterable<string>, path: string): Promise<number> {
  const file = createWriteStream(path);
  try {
    const count = await writeChunks(chunks, file);
    file.end();
    await once(file, 'finish');
    return count;
  } catch (error) {
    file.destroy();
    throw error;
  }
}
