import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readAll, tempFile } from './helpers.js';

describe('bounded memory', () => {
  it('stops at an unclosed quote at the top of a 100 MB file without buffering the file', async () => {
    const path = tempFile('huge.csv', 'id,name\n1,"never closed\n');
    const fd = openSync(path, 'a');
    const block = Buffer.from('2,plain text row without quotes\n'.repeat(32 * 1024));
    for (let written = 0; written < 100 * 1024 * 1024; written += block.length) writeSync(fd, block);
    closeSync(fd);
    const before = process.memoryUsage().rss;
    const t0 = Date.now();
    const { codes } = await readAll(path);
    const grew = process.memoryUsage().rss - before;
    rmSync(path);
    expect(codes).toEqual([['read/quote-too-long', 2, 3]]);
    expect(grew).toBeLessThan(64 * 1024 * 1024);
    expect(Date.now() - t0).toBeLessThan(15000);
  });
});
