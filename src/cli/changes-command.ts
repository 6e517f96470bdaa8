import { defineCommand } from 'citty';
import { DESCRIPTIONS } from './descriptions.ts';
import { diffContent } from '../changes/diff-content.ts';
import { formatChangesMarkdown } from '../changes/format-changes.ts';
import { loadContentAtRevision, resolveSince } from '../changes/load-content-at-revision.ts';
import { loadContent } from '../content/load-content.ts';
import { withoutExempt } from '../meetings/withhold-exempt.ts';
import { validateContent } from '../validate/validate-content.ts';
import { printErrors } from './print-errors.ts';
import { resolveRoot, rootArg } from './root-arg.ts';

export const changesCommand = defineCommand({
  meta: { name: 'changes', description: DESCRIPTIONS.changes },
  args: {
    since: { type: 'string', description: 'A git revision (main, HEAD~3, a tag) or a date YYYY-MM-DD', required: true },
    ...rootArg,
  },
  async run({ args }) {
    const root = resolveRoot(args.root);
    const current = validateContent(await loadContent(root));
    if (!current.content) {
      printErrors(current.errors);
      process.exitCode = 1;
      return;
    }
    const rev = await resolveSince(root, args.since);
    const before = rev ? await loadContentAtRevision(root, rev) : undefined;
    const heading = `Changes since ${args.since}${rev && rev !== args.since ? ` (${rev.slice(0, 7)})` : ''}`;
    // The changes are posted on pull requests and in the preview: exempt papers stay out of them.
    process.stdout.write(
      formatChangesMarkdown(diffContent(before && withoutExempt(before), withoutExempt(current.content)), heading),
    );
  },
});
