import fc from 'fast-check';
import { parseFragment } from 'parse5';
import { describe, expect, it } from 'vitest';
import { formatCounter } from '../../src/domain/list-markers.ts';
import { createMarkdown } from '../../src/markdown/create-markdown.ts';

type Kind = 'lower-roman' | 'upper-roman' | 'lower-alpha' | 'upper-alpha';
const TYPES: Record<string, Kind> = { i: 'lower-roman', I: 'upper-roman', a: 'lower-alpha', A: 'upper-alpha' };

/** A clause as meant: its marker as printed ("(ii)", "b."), its text, its sub-clauses. */
interface Clause {
  marker: string;
  text: string;
  children: Clause[];
}

interface Layout {
  /** flat: every marker at the margin; under: sub-clauses indented under their parent's text; four: by 4 spaces a level. */
  indent: 'flat' | 'under' | 'four';
  blankLines: boolean;
  /** A clause with no text of its own puts its first sub-clause on its line, as `(i) (a) To consider …`. */
  sameLine: boolean;
}

function markerOf(kind: Kind, value: number, paren: boolean): string {
  const type = Object.keys(TYPES).find((t) => TYPES[t] === kind) ?? '1';
  const word = formatCounter(value, type);
  return paren ? `(${word})` : `${word}.`;
}

const levelStyle = fc.record({
  kind: fc.constantFrom<Kind>('lower-roman', 'upper-roman', 'lower-alpha', 'upper-alpha'),
  paren: fc.boolean(),
});

/** Clause trees of depth 1 to 3, each level of its own kind, numbered from 1, with unique words. */
const clauseTree = fc
  .uniqueArray(levelStyle, { minLength: 1, maxLength: 3, selector: (s) => s.kind })
  .chain((styles) => {
    const level = (depth: number): fc.Arbitrary<Array<{ text: boolean; children: unknown[] }>> =>
      fc.array(
        fc.record({
          text: fc.boolean(),
          children: depth + 1 < styles.length ? level(depth + 1) : fc.constant([]),
        }),
        { minLength: 1, maxLength: 4 },
      );
    return level(0).map((shape) => {
      let counter = 0;
      const build = (items: Array<{ text: boolean; children: unknown[] }>, depth: number): Clause[] =>
        items.map((item, i) => {
          const style = styles[depth]!;
          const children = build(item.children as Array<{ text: boolean; children: unknown[] }>, depth + 1);
          // A clause with no sub-clauses always has text.
          const text = item.text || children.length === 0 ? `To consider matter${++counter};` : '';
          return { marker: markerOf(style.kind, i + 1, style.paren), text, children };
        });
      return build(shape, 0);
    });
  });

const layout = fc.record<Layout>({
  indent: fc.constantFrom('flat', 'under', 'four'),
  blankLines: fc.boolean(),
  sameLine: fc.boolean(),
});

/** The Markdown an author might write for the clauses. */
function writeClauses(clauses: readonly Clause[], how: Layout): string {
  const lines: string[] = [];
  const write = (items: readonly Clause[], indent: number, onLine?: string) => {
    items.forEach((clause, i) => {
      const head =
        i === 0 && onLine !== undefined ? `${onLine} ${clause.marker}` : `${' '.repeat(indent)}${clause.marker}`;
      const childIndent = how.indent === 'flat' ? 0 : how.indent === 'four' ? indent + 4 : head.length + 1;
      if (clause.text === '' && how.sameLine && clause.children.length > 0) {
        write(clause.children, childIndent, head);
      } else {
        if (i > 0 || onLine === undefined) {
          if (how.blankLines && lines.length > 0) lines.push('');
          lines.push(clause.text ? `${head} ${clause.text}` : head);
        } else lines.push(clause.text ? `${head} ${clause.text}` : head);
        write(clause.children, childIndent);
      }
    });
  };
  write(clauses, 0);
  return `${lines.join('\n')}\n`;
}

/** What the test reads of a parsed HTML node. */
interface Node {
  nodeName: string;
  value?: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: Node[];
}
const attr = (node: Node, name: string) => node.attrs?.find((a) => a.name === name)?.value;
const children = (node: Node): Node[] => node.childNodes ?? [];

/** The clauses as the browser draws them: each list's kind and start, each item's value. */
function readClauses(list: Node): Clause[] {
  const kind = TYPES[attr(list, 'type') ?? ''];
  const paren = (attr(list, 'class') ?? '').includes('clauses-paren');
  let next = Number(attr(list, 'start') ?? 1);
  return children(list)
    .filter((n) => n.nodeName === 'li')
    .map((li) => {
      const value = Number(attr(li, 'value') ?? next);
      next = value + 1;
      const text = collectText(li).replace(/\s+/g, ' ').trim();
      const sub = findLists(li).flatMap(readClauses);
      return { marker: kind ? markerOf(kind, value, paren) : `${value}?`, text, children: sub };
    });
}

function collectText(node: Node): string {
  if (node.nodeName === '#text') return node.value ?? '';
  if (node.nodeName === 'ol') return '';
  return children(node).map(collectText).join('');
}

function findLists(node: Node): Node[] {
  return children(node).flatMap((n) => (n.nodeName === 'ol' ? [n] : n.nodeName === 'li' ? [] : findLists(n)));
}

describe('property: clause lists render as the author meant them, however laid out', () => {
  it('nesting and markers equal the intended ones', () => {
    const md = createMarkdown();
    fc.assert(
      fc.property(clauseTree, layout, (clauses, how) => {
        const source = writeClauses(clauses, how);
        const html = md.render(source);
        const lists = findLists(parseFragment(html) as unknown as Node);
        expect(lists, `${source}\n${html}`).toHaveLength(1);
        expect(readClauses(lists[0]!), `${source}\n${html}`).toEqual(clauses);
      }),
      { numRuns: 1000, seed: 20261205 },
    );
  });
});
