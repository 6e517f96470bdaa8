/** What each command does: its help, and the list `papers --help` prints without loading any command. */
export const DESCRIPTIONS = {
  build: 'Check the content, then build the archive website and its PDFs into output/site.',
  changes:
    'List what changed since a git revision or a date: statuses, targets, borough facts, new reports and meetings, as Markdown.',
  audit:
    'Test the built site for accessibility (axe-core at 320 and 1280 px, PDF/UA-1 checks) and record the results for the accessibility statement.',
  check: 'Validate all content and report every error at once; writes nothing.',
  import:
    'Bring a Word report (.docx) or a saved page of the archive (.html) into the content format, or a saved copy of the whole archive website (a folder), with a migration report; never writes over a file.',
  new: 'Scaffold a report, a meeting, its minutes or a recommendation that passes check; never overwrites a file.',
  pdf: 'Print the report PDFs and committee packs from the built HTML in output/site.',
  schemas: 'Write the JSON Schema files that editors use for completion (schemas/*.schema.json of the project).',
  serve: 'Preview the site on localhost, rebuilding and reloading the browser as files are edited.',
  status: 'Record a new progress entry for an action of a recommendation, keeping the file as it was around it.',
} as const;
