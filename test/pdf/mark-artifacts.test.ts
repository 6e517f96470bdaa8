import { describe, expect, it } from 'vitest';
import {
  markArtifacts,
  readOperations,
  readOperationsByPattern,
  readOperationsByToken,
} from '../../src/pdf/mark-artifacts.ts';

const operators = (content: string) => readOperations(content).map((op) => op.operator);

describe('marking what lies outside the tags as artifacts', () => {
  it('reads operators, not the words inside strings, names, arrays and dictionaries', () => {
    const content = '/P <</MCID 0 /Alt (BT \\) ET (x))>> BDC\nBT /F1 9 Tf [(a) 2 (b)] TJ <0041> Tj ET\nEMC';
    expect(operators(content)).toEqual(['BDC', 'BT', 'Tf', 'TJ', 'Tj', 'ET', 'EMC']);
  });

  it('wraps a background, a footer and an image outside marked content, and leaves tagged content alone', () => {
    const content = [
      'q 1 1 1 rg 0 0 10 10 re f Q',
      'BT /F1 9 Tf (Page 1 of 2) Tj ET',
      '/P <</MCID 0>> BDC BT (Text) Tj ET EMC',
      '/Im1 Do',
    ].join('\n');
    const marked = markArtifacts(content);
    expect(marked).toContain('/Artifact BMC\n0 0 10 10 re f\nEMC');
    expect(marked).toContain('/Artifact BMC\nBT /F1 9 Tf (Page 1 of 2) Tj ET\nEMC');
    expect(marked).toContain('/P <</MCID 0>> BDC BT (Text) Tj ET EMC');
    expect(marked).toContain('/Artifact BMC\n/Im1 Do\nEMC');
    expect(operators(marked).filter((op) => op === 'BMC')).toHaveLength(3);
  });

  it('keeps an inline image’s data whole, whatever bytes it holds', () => {
    const content = 'BI /W 1 /H 1 /BPC 8 /CS /G ID \u0000BT) EMC\u00ff EI\nBT (x) Tj ET';
    const marked = markArtifacts(content);
    expect(marked).toBe(
      `/Artifact BMC\nBI /W 1 /H 1 /BPC 8 /CS /G ID \u0000BT) EMC\u00ff EI\nEMC\n/Artifact BMC\nBT (x) Tj ET\nEMC`,
    );
  });

  it('leaves a text object that holds marked content of its own', () => {
    const content = 'BT /Span <</ActualText (fi)>> BDC (fi) Tj EMC ET';
    expect(markArtifacts(content)).toBe(content);
  });

  it('reads a stream as Chromium writes it the same by its one pattern as token by token', () => {
    const content = [
      '.23999999 0 0 -.23999999 0 841.91998 cm',
      'q',
      '3.125 0 0 3.125 212.5 212.5 cm',
      '1 1 1 RG 1 1 1 rg',
      '/G3 gs',
      '0 0 658 979 re',
      'f',
      'Q',
      'q',
      '0 0 2550 3300 re',
      'W* n',
      '/NonStruct <</MCID 0 >>BDC',
      'BT',
      '/F4 10.6599998 Tf',
      '1 0 0 -1 664.26563 1073 Tm',
      '<0033> Tj',
      '6.4470978 0 Td <0044> Tj',
      '[<0033> -2 <004A>] TJ',
      'ET',
      'EMC',
      '/Figure <</MCID 2 >>BDC',
      '125 0 0 -125 25 528.125 cm',
      '/X5 Do',
      'EMC',
      'Q',
    ].join('\n');
    const byPattern = readOperationsByPattern(content);
    expect(byPattern).toEqual(readOperationsByToken(content));
    expect(byPattern.map((op) => op.operator)).toContain('BDC');
    expect(readOperations(content)).toEqual(byPattern);
    expect(markArtifacts(content)).toContain('/Artifact BMC\n0 0 658 979 re\nf\nEMC');
  });
});
