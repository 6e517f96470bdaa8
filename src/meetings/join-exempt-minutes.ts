import type { Content } from '../content/content.ts';
import { bodyText } from '../content/entry.ts';
import { isExemptItem } from './agenda-items.ts';
import { parseMinutes, type AgendaRef } from './parse-minutes.ts';
import { createCopyMemo } from '../util/keep-copy.ts';

/** The members' copies of minutes with exempt items. */
const MEMBERS_COPIES = createCopyMemo();

/**
 * The minutes as members read them: under each exempt item's heading in the
 * public minutes, that item's text from `exempt/minutes/`. For the members'
 * papers only; the public site is made from the public minutes alone.
 */
export function withExemptMinutes(content: Content): Content {
  const kept = new Map((content.exemptMinutes ?? []).map((m) => [m.id, m]));
  if (kept.size === 0) return content;
  const minutes = content.minutes.map((entry) => {
    const exempt = kept.get(entry.id);
    if (!exempt) return entry;
    const texts = new Map(
      parseMinutes(bodyText(exempt), 0)
        .items.filter(isExemptItem)
        .map((item) => [refKey(item.agenda), item.text]),
    );
    const lines = bodyText(entry).split(/\r?\n/);
    const { items } = parseMinutes(bodyText(entry), 0);
    // From the last item up, so that the lines of those above stay where they are.
    for (const item of [...items].reverse()) {
      const text = isExemptItem(item) ? texts.get(refKey(item.agenda)) : undefined;
      if (text) lines.splice(item.line + 1, 0, '', ...text.split(/\r?\n/), '');
    }
    const body = lines.join('\n');
    const same = (before: typeof entry) => before.body?.text === body;
    return MEMBERS_COPIES.keep(entry, same, () => ({
      ...entry,
      body: { text: body, startLine: entry.body?.startLine ?? 1 },
    }));
  });
  return { ...content, minutes };
}

/** `2.1` or `7`: an agenda item as a minute names it. */
export function refKey(ref: AgendaRef): string {
  return `${ref.part === 2 ? '2.' : ''}${ref.number}`;
}
