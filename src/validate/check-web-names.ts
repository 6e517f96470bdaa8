import { ownerSlug } from '../domain/slugs.ts';
import { SLUG_PATTERN } from '../schemas/common.ts';
import type { ReferenceCheck } from './reference-check.ts';

/** Names that become part of web addresses: set folders, owners (filter pages) and borough files. */
export function checkWebNames({ content, report }: ReferenceCheck): void {
  for (const set of content.sets) {
    if (!SLUG_PATTERN.test(set.id))
      report(
        set,
        [],
        'E_FILE_NAME',
        `the folder name \`${set.id}\` cannot be part of a web address`,
        'rename the folder with lower-case letters, digits and single hyphens, such as `drugs-scrutiny-2007`',
      );
    // Owners become filter pages (`owner/mps/`): two that differ only in case or punctuation would share one.
    const owners = new Map<string, string>();
    set.data.owners.forEach((owner, i) => {
      const key = ownerSlug(owner);
      const other = owners.get(key);
      if (other !== undefined)
        report(
          set,
          ['owners', i],
          'E_DUPLICATE_ID',
          `the owner \`${owner}\` is \`${other}\` written another way`,
          `keep one of them, and write it the same way in every recommendation of the set`,
        );
      else owners.set(key, owner);
    });
  }
  for (const borough of content.boroughs) {
    if (!SLUG_PATTERN.test(borough.id))
      report(
        borough,
        [],
        'E_FILE_NAME',
        `the file name \`${borough.id}.yaml\` cannot be part of a web address`,
        'rename the file with lower-case letters, digits and single hyphens, such as `new-town.yaml`',
      );
  }
}
