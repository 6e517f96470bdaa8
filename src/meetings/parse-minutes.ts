/** The items of a minutes file's body: `## Title {agenda=N}` headings, and the decisions in their text. */

import { type ItemNumber, readItemNumber } from '../domain/item-numbers.ts';

export interface AgendaRef {
  /** 1 or 2: the part of the agenda. */
  part: 1 | 2;
  /** 6, or 6a for an item the agenda added under item 6. */
  number: ItemNumber;
}

export type DecisionAction = 'agreed' | 'noted' | 'closed';

export interface DecisionData {
  /** "RESOLVED" or "Resolved", as the clerk wrote it: printed so everywhere. */
  word: 'RESOLVED' | 'Resolved';
  action?: DecisionAction;
  /** Recommendation sets (`set`) and recommendations (`set/05`) the decision names. */
  targets: string[];
  /** The decision's text, from "That …". */
  text: string;
  line: number;
  col: number;
}

export interface MinuteItemData {
  title: string;
  agenda: AgendaRef;
  exempt?: number | true;
  /** The item's Markdown, headings and attributes taken out. */
  text: string;
  decisions: DecisionData[];
  /** Line of the file on which the heading stands. */
  line: number;
}

export interface MinutesProblem {
  line: number;
  col: number;
  code: 'E_MINUTES_SYNTAX' | 'E_DECISION';
  message: string;
  hint: string;
}

const HEADING = /^##[ \t]+(.*?)[ \t]*\{([^{}]*)\}[ \t]*$/;
const ATTRIBUTE = /^(agenda|exempt)=(\S+)$/;
/** `Resolved: That …` or `Resolved (agreed set/05, set/06): That …`, at the start of a paragraph: what it names, and its words. */
export const DECISION = /^Resolved(?:[ \t]*\(([^)]*)\))?[ \t]*[:–-][ \t]*(.*)$/i;
const ACTIONS: readonly DecisionAction[] = ['agreed', 'noted', 'closed'];
/** A paragraph that opens with the word, which the clerk meant as a decision. */
const OPENS_RESOLVED = /^Resolved\b/i;
/** The decision's syntax where it is not read: inside a paragraph, after other words. */
const RESOLVED_WITHIN = /\bResolved\s*(\([^)]*\)\s*)?[:–-]\s*That\b/i;

/** The decision's word as the clerk wrote it. */
export function decisionWord(text: string): DecisionData['word'] {
  return text.startsWith('RESOLVED') ? 'RESOLVED' : 'Resolved';
}
const TARGET = /^[a-z0-9]+(-[a-z0-9]+)*(\/\d{1,3})?$/;

/** Split the body into minute items; `startLine` is the file line of the body's first line. */
export function parseMinutes(body: string, startLine: number): { items: MinuteItemData[]; problems: MinutesProblem[] } {
  const lines = body.split(/\r?\n/);
  const items: MinuteItemData[] = [];
  const problems: MinutesProblem[] = [];
  let current: { item: MinuteItemData; lines: string[] } | undefined;
  let fenced = false;
  const finish = () => {
    if (current)
      items.push({
        ...current.item,
        text: current.lines.join('\n').trim(),
        decisions: findDecisions(current.lines, current.item.line + 1, problems),
      });
  };
  lines.forEach((text, i) => {
    const line = startLine + i;
    if (/^(```|~~~)/.test(text)) fenced = !fenced;
    if (!fenced && /^##[ \t]/.test(text)) {
      finish();
      current = undefined;
      const parsed = parseHeading(text, line, problems);
      if (parsed) current = { item: { ...parsed, text: '', decisions: [], line }, lines: [] };
      return;
    }
    if (!current) {
      if (text.trim() !== '' && !fenced) {
        problems.push({
          line,
          col: 1,
          code: 'E_MINUTES_SYNTAX',
          message: 'text before the first minute item',
          hint: 'start each minute item with a heading such as `## Apologies for absence {agenda=1}`; who was present goes in the front matter',
        });
      }
      return;
    }
    current.lines.push(text);
  });
  finish();
  return { items, problems };
}

// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: to be split into smaller functions
function parseHeading(
  text: string,
  line: number,
  problems: MinutesProblem[],
): Omit<MinuteItemData, 'text' | 'decisions' | 'line'> | undefined {
  const match = HEADING.exec(text);
  if (!match) {
    problems.push({
      line,
      col: 1,
      code: 'E_MINUTES_SYNTAX',
      message: 'a minute item’s heading does not name its agenda item',
      hint: 'end the heading with the agenda item it minutes, such as `## Declarations of interests {agenda=2}`, or `{agenda=2.1}` for item 1 of Part 2',
    });
    return undefined;
  }
  const title = (match[1] ?? '').trim();
  const col = text.indexOf('{') + 2;
  if (title === '') {
    problems.push({
      line,
      col: 3,
      code: 'E_MINUTES_SYNTAX',
      message: 'a minute item has no title',
      hint: 'write the title after `## `',
    });
    return undefined;
  }
  if (/^\d+\.?\s/.test(title)) {
    problems.push({
      line,
      col: 4,
      code: 'E_MINUTES_SYNTAX',
      message: `the heading starts with a number (${title.split(/\s/)[0]})`,
      hint: 'leave minute numbers out: the build numbers minutes through the municipal year',
    });
  }
  let agenda: AgendaRef | undefined;
  let exempt: number | true | undefined;
  for (const attribute of (match[2] ?? '').trim().split(/\s+/)) {
    const parts = ATTRIBUTE.exec(attribute);
    const [, name, value = ''] = parts ?? [];
    if (name === 'agenda' && agenda) {
      problems.push({
        line,
        col,
        code: 'E_MINUTES_SYNTAX',
        message: 'the heading names two agenda items',
        hint: 'a minute item minutes one agenda item: keep one `agenda=`, and give the other item a heading of its own',
      });
    } else if (name === 'agenda' && /^(2\.)?[1-9]\d*[a-z]?$/.test(value)) {
      agenda = value.startsWith('2.')
        ? { part: 2, number: readItemNumber(value.slice(2))! }
        : { part: 1, number: readItemNumber(value)! };
    } else if (name === 'exempt' && /^([1-7]|true)$/.test(value)) {
      exempt = value === 'true' ? true : Number(value);
    } else {
      problems.push({
        line,
        col,
        code: 'E_MINUTES_SYNTAX',
        message: `\`${attribute}\` is not an attribute of a minute item`,
        hint: 'write `{agenda=N}` (Part 2: `{agenda=2.N}`), and `exempt=P` with the paragraph of Schedule 12A for an exempt item, such as `{agenda=2.1 exempt=3}` (`exempt=true` where the record does not say which)',
      });
    }
  }
  if (!agenda) {
    problems.push({
      line,
      col,
      code: 'E_MINUTES_SYNTAX',
      message: 'a minute item’s heading does not name its agenda item',
      hint: 'add `agenda=N` inside the braces, such as `{agenda=3}`',
    });
    return undefined;
  }
  return { title, agenda, ...(exempt !== undefined ? { exempt } : {}) };
}

function findDecisions(lines: readonly string[], firstLine: number, problems: MinutesProblem[]): DecisionData[] {
  const decisions: DecisionData[] = [];
  let fenced = false;
  lines.forEach((text, i) => {
    if (/^(```|~~~)/.test(text)) fenced = !fenced;
    if (fenced) return;
    const line = firstLine + i;
    const startsParagraph = i === 0 || (lines[i - 1] ?? '').trim() === '';
    const match = startsParagraph ? DECISION.exec(text) : null;
    if (!match) {
      const unread = describeUnreadDecision(text, startsParagraph);
      if (unread) problems.push({ line, col: 1, code: 'E_DECISION', ...unread });
      return;
    }
    const decision = parseDecision(match[1], line, problems);
    const rest = [match[2] ?? '', ...takeParagraph(lines, i + 1)].join(' ').trim();
    decisions.push({ word: decisionWord(text), ...decision, text: rest, line, col: 1 });
  });
  return decisions;
}

/** A line the clerk meant as a decision that would not be read as one: said, never dropped. */
function describeUnreadDecision(text: string, startsParagraph: boolean): { message: string; hint: string } | undefined {
  if (startsParagraph && OPENS_RESOLVED.test(text))
    return {
      message: 'this paragraph opens with “Resolved” but is not read as a decision',
      hint: 'write `Resolved: That …`, or `Resolved (noted <set>): That …` with its bracket closed and a colon (or dash) after it',
    };
  if (!startsParagraph && /^\s*Resolved\s*[(:–-]/i.test(text))
    return {
      message: 'a decision stands inside a paragraph, where it is not read as one',
      hint: 'leave a blank line before `Resolved`: each decision is a paragraph of its own',
    };
  if (RESOLVED_WITHIN.test(text) && !OPENS_RESOLVED.test(text.trim()))
    return {
      message: 'a decision stands after other words on its line, where it is not read as one',
      hint: 'start the decision on a line of its own, after a blank line: `Resolved: That …`',
    };
  return undefined;
}

function parseDecision(
  inside: string | undefined,
  line: number,
  problems: MinutesProblem[],
): Pick<DecisionData, 'action' | 'targets'> {
  if (inside === undefined) return { targets: [] };
  const words = inside.split(/[\s,]+/).filter(Boolean);
  const [first, ...rest] = words;
  if (!first || !ACTIONS.includes(first as DecisionAction)) {
    problems.push({
      line,
      col: 10,
      code: 'E_DECISION',
      message: `\`${first ?? ''}\` is not what a decision does to recommendations`,
      hint: `write \`Resolved (agreed|noted|closed <set> or <set>/<number>, …): That …\`, such as \`Resolved (noted cdrp-scrutiny-2003): That …\``,
    });
    return { targets: [] };
  }
  const targets = rest.filter((t) => {
    if (TARGET.test(t)) return true;
    problems.push({
      line,
      col: 10,
      code: 'E_DECISION',
      message: `\`${t}\` does not name a recommendation set or recommendation`,
      hint: 'name a set by its folder, such as `cdrp-scrutiny-2003`, or one recommendation as `cdrp-scrutiny-2003/05`',
    });
    return false;
  });
  if (targets.length === 0)
    problems.push({
      line,
      col: 10,
      code: 'E_DECISION',
      message: `the decision is ${first} but names no recommendations`,
      hint: `name them after \`${first}\`, such as \`(${first} cdrp-scrutiny-2003/05)\``,
    });
  return {
    action: first as DecisionAction,
    targets: targets.map((t) => (t.includes('/') ? `${t.split('/')[0]}/${t.split('/')[1]!.padStart(2, '0')}` : t)),
  };
}

function takeParagraph(lines: readonly string[], from: number): string[] {
  const taken: string[] = [];
  for (let i = from; i < lines.length && (lines[i] ?? '').trim() !== ''; i++) taken.push((lines[i] ?? '').trim());
  return taken;
}
