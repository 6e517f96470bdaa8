import type { MarkdownBody } from './entry.ts';
import type { YamlSource } from './yaml-source.ts';
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

/** A file whose data passed its schema. */
export interface Checked<T> {
  id: string;
  file: string;
  source: YamlSource;
  data: T;
  body?: MarkdownBody;
}

/** Everything the model needs: every file checked against its schema, and every reference between files checked. */
export interface Content {
  site: Checked<SiteData>;
  committees: Checked<CommitteesData>;
  contacts: Checked<ContactsData>;
  glossary: Checked<GlossaryData>;
  statuses: Checked<StatusesData>;
  facts: Checked<FactTypesData>;
  boroughs: Checked<BoroughData>[];
  sets: Checked<RecommendationSetData>[];
  recommendations: Checked<RecommendationData>[];
  meetings: Checked<MeetingData>[];
  reports: Checked<ReportData & { body: string }>[];
  minutes: Checked<MinutesData & { body: string }>[];
  /**
   * `kind:id` of every content file found, even one that failed its own check:
   * a reference to such a file is not reported again as a missing one.
   */
  found?: ReadonlySet<string>;
}
