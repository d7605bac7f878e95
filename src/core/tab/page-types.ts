/**
 * The shape of the tab's data, shared by the server that builds it and the page that shows it.
 * No imports: the browser code reads it too.
 */
export interface PartnershipPage {
  name: string;
  year: string;
  /** "Source: …", as chat cites it; '' when none is recorded. */
  prioritiesSource: string;
  priorities: { name: string; leads: string[]; basis: string; source: string }[];
  themes: string[];
  nextMeeting: {
    title: string;
    when: string;
    where: string;
    status: string;
    items: { code: string; title: string; presenter: string }[];
  } | null;
  lastMeeting: {
    when: string;
    /** The minutes' published page, where known ('' otherwise). */
    publishedAt: string;
    resolutions: { item: string; text: string; source: string }[];
  } | null;
  actions: {
    number: number;
    owner: string;
    description: string;
    due: string;
    dueLabel: string;
    status: string;
    overdue: boolean;
    priority: string;
  }[];
  priorityNames: Record<string, string>;
}

/** What the tab's JSON API returns. */
export interface TabData extends PartnershipPage {
  exportUrl: string;
  localMode: boolean;
  /** Set for someone outside the partnership: why the tracker is not shown. */
  membersOnly?: string;
}
