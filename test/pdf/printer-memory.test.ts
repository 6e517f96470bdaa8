import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPrinter, type Printer } from '../../src/pdf/printer.ts';
import { buildProject } from '../../src/pipeline/build-project.ts';
import { copyExampleProject } from '../helpers/project.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const PACK_PAGE = '/committees/x-ppr/2005/051208/pack/';

setFlagsFromString('--expose_gc');
const collect = runInNewContext('gc') as () => void;

function heapMb(): number {
  collect();
  collect();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  // A PDF's bytes live in an ArrayBuffer, outside the JavaScript heap proper: both count.
  return (heapUsed + arrayBuffers) / 2 ** 20;
}

describe('a printer that prints the same page many times', () => {
  let printer: Printer;
  beforeAll(async () => {
    const build = await buildProject({
      root: await copyExampleProject(),
      outputDir: await makeTempDir('memory'),
      pdf: false,
    });
    printer = await openPrinter({ siteDir: build.siteDir, concurrency: 1 });
  });
  afterAll(async () => {
    await printer?.close();
  });

  it('keeps no listener, tab or PDF from one print to the next', async () => {
    const request = { url: PACK_PAGE, source: 'test' };
    let size = 0;
    for (let i = 0; i < 5; i++) size = (await printer.print(request)).byteLength;
    const before = heapMb();
    const prints = 60;
    for (let i = 0; i < prints; i++) {
      await printer.print(request);
      expect(printer.retained()).toEqual({ tabs: 1, listeners: 0 });
    }
    const grown = heapMb() - before;
    // Keeping each PDF would add prints × size (about 12 MB); the heap may grow by half that at most.
    const kept = (prints * size) / 2 ** 20;
    expect(kept).toBeGreaterThan(8);
    expect(grown).toBeLessThan(kept / 2);
  });
});
