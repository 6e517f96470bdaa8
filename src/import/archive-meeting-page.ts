import { meetingIdOf } from '../domain/meeting-ids.ts';
import { type AgendaDraft, mapAgendaPage } from './agenda-page.ts';
import { createTurndown } from './block-markdown.ts';
import type { PageOutcome } from './import-types.ts';
import type { ArchivePage } from './list-archive-pages.ts';
import { type MinutesDraft, mapMinutesPage } from './minutes-page.ts';
import { readBlocks } from './read-blocks.ts';
import { ImportError } from './import-error.ts';
import { readDocument } from './read-document.ts';

/** A meeting's page or its minutes, read: its file is written once every page of the archive is read (its links resolved). */
export interface PlannedMeetingPage {
  kind: 'meeting' | 'minutes';
  outcome: PageOutcome;
  sourceHash: string;
  committee: string;
  date: string;
  sitting?: string;
  /** The meeting's id, `<committee>/<yyyy-mm-dd>[-<sitting>]`. */
  meeting: string;
  agenda?: AgendaDraft;
  minutes?: MinutesDraft;
  /** Set once planned: the file's text. */
  text?: string;
}

/** A meeting's page (its agenda) or its minutes, mapped; refused with its own code when it cannot be tied to the meeting. */
export async function planMeetingPage(
  page: ArchivePage & { committee: string; date: string },
  bytes: Uint8Array,
  sourceHash: string,
): Promise<PlannedMeetingPage> {
  const { source, committee, date, sitting } = page;
  const document = await readDocument(bytes, source);
  const blocks = readBlocks(document.html, source);
  const turndown = createTurndown();
  const md = (html: string) => turndown.turndown(html).trim();
  const meeting = meetingIdOf(committee, date, sitting);
  const base = { sourceHash, committee, date, ...(sitting ? { sitting } : {}), meeting };
  if (page.kind === 'minutes') {
    const minutes = mapMinutesPage(blocks, md, source);
    if (minutes.stated && minutes.stated !== date)
      throw new ImportError(
        'E_IMPORT_MEETING',
        `${source} says these are the minutes of a meeting on ${minutes.stated}, but its address says ${date}`,
        'check which is right, and save the page at its right address or correct its opening',
      );
    const file = `content/minutes/${meeting}.md`;
    const warnings = [...document.warnings, ...minutes.warnings];
    return { ...base, kind: 'minutes', outcome: { source, status: 'imported', file, warnings }, minutes };
  }
  const agenda = mapAgendaPage(blocks, md, source);
  const file = `content/meetings/${meeting}.yaml`;
  const warnings = [...document.warnings, ...agenda.warnings];
  return { ...base, kind: 'meeting', outcome: { source, status: 'imported', file, warnings }, agenda };
}
