/** Recognising a partnership by what members type: "Kent CSP", "KCSP", "medway-csp", "the Medway Community Safety Partnership". */
import type { CommandInput } from '../commands/command.js';
import type { Partnership, PartnershipDirectory } from '../model/model.js';
import { words } from '../text/normalise.js';

function formOf(text: string): string {
  return words(text.replace(/\bcsp\b/gi, 'community safety partnership'))
    .filter((w) => w !== 'the')
    .join(' ');
}

/** Whether `typed` names this partnership: its name, short name or id, in full or as the start of its name. */
export function namesPartnership(partnership: Partnership, typed: string): boolean {
  const asked = formOf(typed);
  if (!asked) return false;
  const forms = [partnership.name, partnership.shortName, partnership.id.replace(/-/g, ' ')].map(formOf);
  return forms.some((f) => f === asked || f.startsWith(`${asked} `));
}

/** The one partnership `typed` names, or null when none or several do. */
export function partnershipNamed(directory: PartnershipDirectory, typed: string): Partnership | null {
  const all = Object.values(directory.partnerships);
  const exact = all.filter((p) => [p.name, p.shortName, p.id.replace(/-/g, ' ')].map(formOf).includes(formOf(typed)));
  if (exact.length === 1) return exact[0] ?? null;
  const named = all.filter((p) => namesPartnership(p, typed));
  return named.length === 1 ? (named[0] ?? null) : null;
}

/** The directory a command sees; a caller that gives none (a single-partnership test) has just this one. */
export function directoryOf(input: CommandInput, partnership: Partnership): PartnershipDirectory {
  return (
    input.directory ?? {
      defaultPartnershipId: partnership.id,
      partnerships: { [partnership.id]: partnership },
      memberships: {},
    }
  );
}
