/**
 * The meeting indexes of every partnership, shared by the answer services (members' and what the
 * partnership publishes: when their meetings are the same objects they share one index). An index
 * is built in slices between turns when warmed (at start, after a change that altered meetings),
 * so that building one never holds up other partnerships' turns; a question that needs it before
 * it is ready finishes the same build at once rather than starting another.
 */
import type { Meeting } from '../model/model.js';
import { buildInSlices, finish, nextTurnPause, type Pause } from './build-in-slices.js';
import { MeetingIndex } from './meeting-index.js';

interface Build {
  meetings: readonly Meeting[];
  steps: Generator<void, MeetingIndex>;
  result?: MeetingIndex;
}

/** Indexes kept per partnership: the members' and the published one. */
const KEPT = 2;
/** What a build given up for a newer one stops with. */
const GIVEN_UP = Symbol('given up');

export class MeetingIndexes {
  private readonly built = new Map<string, MeetingIndex[]>();
  private readonly building = new Map<string, Build[]>();
  /** Partnership -> each answer service -> the index its knowledge base uses now. */
  private readonly held = new Map<string, Map<object, MeetingIndex>>();

  /**
   * The index `holder`'s knowledge base of the partnership uses now. The one it used before is let
   * go once no other holder uses it: after a meeting changed and both answer services moved to the
   * new index, the old one (some 28 MB at 500 meetings) is not kept as well.
   */
  hold(partnershipId: string, holder: object, index: MeetingIndex): void {
    const holders = this.held.get(partnershipId) ?? new Map<object, MeetingIndex>();
    const before = holders.get(holder);
    holders.set(holder, index);
    this.held.set(partnershipId, holders);
    if (!before || before === index || [...holders.values()].includes(before)) return;
    this.built.set(
      partnershipId,
      (this.built.get(partnershipId) ?? []).filter((i) => i !== before),
    );
  }

  /** The index of these meetings, built now if it is not built yet. */
  get(partnershipId: string, meetings: readonly Meeting[]): MeetingIndex {
    const ready = this.find(partnershipId, meetings);
    if (ready) return ready;
    const build = this.startBuild(partnershipId, meetings);
    let index: MeetingIndex;
    try {
      index = finish(build.steps);
    } catch (error) {
      // Its steps are spent: the next question or warm-up starts the build afresh.
      this.dropBuild(partnershipId, build);
      throw error;
    }
    return this.complete(partnershipId, build, index);
  }

  /** Whether the index of these meetings is built (nothing is built to find out). */
  ready(partnershipId: string, meetings: readonly Meeting[]): boolean {
    return this.find(partnershipId, meetings) !== undefined;
  }

  /**
   * Builds the index of these meetings in slices between turns, unless it is built already. With
   * `wanted` (whether any answer service still shows these meetings), a build that changes have
   * made out of date for every service is given up between slices, and undefined returned:
   * finishing it would take seconds at 500 meetings, for an index nobody will ask.
   */
  async warm(
    partnershipId: string,
    meetings: readonly Meeting[],
    pause: Pause = nextTurnPause,
    wanted: (meetings: readonly Meeting[]) => boolean = () => true,
  ): Promise<MeetingIndex | undefined> {
    const ready = this.find(partnershipId, meetings);
    if (ready) return ready;
    const build = this.startBuild(partnershipId, meetings);
    let outdated = false;
    const pauseThenLook: Pause = async () => {
      await pause();
      outdated = !wanted(meetings);
    };
    let index: MeetingIndex | typeof GIVEN_UP;
    try {
      index = await buildInSlices<MeetingIndex | typeof GIVEN_UP>(
        build.steps,
        pauseThenLook,
        () => build.result ?? (outdated ? GIVEN_UP : undefined),
      );
    } catch (error) {
      this.dropBuild(partnershipId, build);
      throw error;
    }
    if (build.result) return build.result;
    if (index === GIVEN_UP) {
      this.dropBuild(partnershipId, build);
      return undefined;
    }
    return this.complete(partnershipId, build, index);
  }

  private find(partnershipId: string, meetings: readonly Meeting[]): MeetingIndex | undefined {
    return this.built.get(partnershipId)?.find((index) => index.holds(meetings));
  }

  private startBuild(partnershipId: string, meetings: readonly Meeting[]): Build {
    const builds = this.building.get(partnershipId) ?? [];
    const same = builds.find((b) => b.meetings === meetings || sameObjects(b.meetings, meetings));
    if (same) return same;
    const build: Build = { meetings, steps: MeetingIndex.build(meetings) };
    this.building.set(partnershipId, [...builds, build]);
    return build;
  }

  private complete(partnershipId: string, build: Build, index: MeetingIndex): MeetingIndex {
    build.result = index;
    this.dropBuild(partnershipId, build);
    // The newest first; an older one is dropped once two newer ones are kept, unless a knowledge
    // base uses it (the published answers' index, while members' meetings alone keep changing).
    const held = new Set(this.held.get(partnershipId)?.values());
    const kept = [index];
    for (const older of this.built.get(partnershipId) ?? []) {
      if (older !== index && (held.has(older) || kept.length < KEPT)) kept.push(older);
    }
    this.built.set(partnershipId, kept);
    return index;
  }

  private dropBuild(partnershipId: string, build: Build): void {
    const builds = (this.building.get(partnershipId) ?? []).filter((b) => b !== build);
    if (builds.length > 0) this.building.set(partnershipId, builds);
    else this.building.delete(partnershipId);
  }
}

/** Whether two lists hold the same objects in the same order (a new list of the same meetings is the same meetings). */
export function sameObjects<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
