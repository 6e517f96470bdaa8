import type { Entry } from './entry.ts';
import type { ExemptMinutes } from './load-exempt.ts';
import type { AuditData } from '../schemas/audit.ts';
import type { BoroughData } from '../schemas/borough.ts';
import type { MeetingData } from '../schemas/meeting.ts';
import type { MinutesData } from '../schemas/minutes.ts';
import type { RecommendationData, RecommendationSetData } from '../schemas/recommendation.ts';
import type { ReportData } from '../schemas/report.ts';
import type {
  CommitteesData,
  ContactsData,
  FactTypesData,
  GlossaryData,
  StatusesData,
} from '../schemas/shared-data.ts';
import type { SiteData } from '../schemas/site.ts';

/** Everything the model needs: every file checked against its schema, and every reference between files checked. */
export interface Content {
  site: Entry<SiteData>;
  committees: Entry<CommitteesData>;
  contacts: Entry<ContactsData>;
  glossary: Entry<GlossaryData>;
  statuses: Entry<StatusesData>;
  facts: Entry<FactTypesData>;
  /** The last accessibility test of the built site (`papers audit`), when there has been one. */
  audit?: Entry<AuditData>;
  boroughs: Entry<BoroughData>[];
  sets: Entry<RecommendationSetData>[];
  recommendations: Entry<RecommendationData>[];
  meetings: Entry<MeetingData>[];
  /** Each report's body is its `body`. */
  reports: Entry<ReportData>[];
  /** Each minutes' body is its `body`. */
  minutes: Entry<MinutesData>[];
  /**
   * `kind:id` of every content file found, even one that failed its own check:
   * a reference to such a file is not reported again as a missing one. A
   * file under `exempt/` is also named `exempt:kind:id`, by its name alone.
   */
  found?: ReadonlySet<string>;
  /**
   * The exempt minute items under `exempt/minutes/`: present only in the whole
   * content (the check and the members' papers), never in the public one.
   */
  exemptMinutes?: ExemptMinutes[];
}
