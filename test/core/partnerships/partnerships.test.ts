import { expect } from 'chai';
import type { CommandInput } from '../../../src/core/commands/command.js';
import { runCommand } from '../../../src/turns/record-commands.js';
import type { ConversationRef, PartnershipDirectory } from '../../../src/core/model/model.js';
import { partnershipCommand } from '../../../src/core/partnerships/partnership-commands.js';
import { resolvePartnership } from '../../../src/core/partnerships/resolve-partnership.js';
import type { Actor } from '../../../src/core/model/permissions.js';
import { kentWith } from '../../helpers/kent.js';

const now = new Date('2026-11-24T10:00:00Z');
const admin: Actor = { id: 'aad-admin', ids: ['aad-admin'], name: 'Ada Admin', isAdmin: true };
const sam: Actor = { id: 'aad-sam', ids: ['aad-sam', '29:sam'], name: 'Sam Member', isAdmin: false };
const channel = (id: string, teamId = '19:team-a'): ConversationRef => ({
  conversationId: id,
  serviceUrl: 'https://smba.example/uk/',
  channelId: 'msteams',
  conversationType: 'channel',
  botId: '28:bot',
  teamId,
  channelName: id,
});
const personal: ConversationRef = {
  conversationId: 'a:personal-sam',
  serviceUrl: 'https://smba.example/uk/',
  channelId: 'msteams',
  conversationType: 'personal',
  botId: '28:bot',
  userId: '29:sam',
};

function directory(): PartnershipDirectory {
  return { defaultPartnershipId: 'kent-csp', partnerships: { 'kent-csp': kentWith() }, memberships: {} };
}

function input(dir: PartnershipDirectory, text: string, actor: Actor, conversation?: ConversationRef): CommandInput {
  return { text, mentions: [], actor, now, directory: dir, ...(conversation ? { conversation } : {}) };
}

/** Runs a command as the bot edge does: a directory command first, else one in the turn's partnership. */
function run(dir: PartnershipDirectory, text: string, actor: Actor, conversation?: ConversationRef) {
  const asDirectory = partnershipCommand(dir, input(dir, text, actor, conversation));
  if (asDirectory) {
    asDirectory.directoryChange?.(dir);
    return asDirectory.answer;
  }
  const resolved = resolvePartnership(dir, {
    userIds: actor.ids,
    ...(conversation
      ? {
          conversationId: conversation.conversationId,
          conversationType: conversation.conversationType,
          ...(conversation.teamId ? { teamId: conversation.teamId } : {}),
        }
      : {}),
  });
  if ('ask' in resolved) return resolved.ask;
  const outcome = runCommand(resolved.partnership, input(dir, text, actor, conversation));
  if (!outcome) throw new Error(`not a command: ${text}`);
  const target = dir.partnerships[outcome.partnershipId ?? resolved.partnership.id];
  if (outcome.change && target) outcome.change(target);
  if (outcome.removesPartnership) delete dir.partnerships[outcome.removesPartnership];
  return outcome.answer;
}

const where = (conversation: ConversationRef, actor: Actor = sam) => ({
  userIds: actor.ids,
  conversationId: conversation.conversationId,
  conversationType: conversation.conversationType ?? '',
  ...(conversation.teamId ? { teamId: conversation.teamId } : {}),
});
const partnershipAt = (dir: PartnershipDirectory, conversation: ConversationRef, actor: Actor = sam) => {
  const resolved = resolvePartnership(dir, where(conversation, actor));
  return 'partnership' in resolved ? resolved.partnership.id : resolved.ask.summary;
};

describe('partnerships', () => {
  it('lets an admin create a partnership, and nobody else; refuses a duplicate', () => {
    const dir = directory();
    expect(run(dir, 'create partnership Medway Community Safety Partnership (Medway CSP)', sam).kind).to.equal(
      'refused',
    );
    expect(Object.keys(dir.partnerships)).to.deep.equal(['kent-csp']);
    expect(run(dir, 'create partnership Medway Community Safety Partnership (Medway CSP)', admin).summary).to.contain(
      'Medway Community Safety Partnership (Medway CSP) is created',
    );
    expect(dir.partnerships['medway-csp']).to.include({
      name: 'Medway Community Safety Partnership',
      shortName: 'Medway CSP',
    });
    expect(dir.partnerships['medway-csp']?.changes?.[0]).to.include({
      subject: 'partnership',
      summary: 'Medway Community Safety Partnership created',
    });
    expect(run(dir, 'create partnership Medway CSP', admin).summary).to.contain(
      'There is already a partnership called Medway Community Safety Partnership',
    );
    expect(run(dir, 'which partnerships?', sam).entries.map((e) => e.heading)).to.deep.equal([
      'Kent Community Safety Partnership (KCSP)',
      'Medway Community Safety Partnership (Medway CSP)',
    ]);
  });

  it("answers a channel from the partnership it is linked to, a linked team's channels likewise, and an unlinked one from the default", () => {
    const dir = directory();
    run(dir, 'create partnership Medway Community Safety Partnership (Medway CSP)', admin);
    expect(run(dir, 'link this channel to Medway CSP', admin, channel('19:medway-1', '19:team-m')).summary).to.contain(
      'now linked to the Medway Community Safety Partnership',
    );
    expect(partnershipAt(dir, channel('19:medway-1', '19:team-m'))).to.equal('medway-csp');
    // Another channel of the same team, not itself linked, goes with its team.
    expect(partnershipAt(dir, channel('19:medway-2', '19:team-m'))).to.equal('medway-csp');
    expect(partnershipAt(dir, channel('19:elsewhere', '19:team-x'))).to.equal('kent-csp');
    run(dir, 'link this team to Kent CSP', admin, channel('19:kent-1', '19:team-k'));
    expect(partnershipAt(dir, channel('19:kent-9', '19:team-k'))).to.equal('kent-csp');
    expect(run(dir, 'link this channel to Kent CSP', admin, channel('19:medway-1', '19:team-m')).summary).to.contain(
      'is linked to the Medway CSP. Unlink it from there first',
    );
  });

  it("answers a personal chat from the member's partnership, asks a member of several, and keeps their choice", () => {
    const dir = directory();
    run(dir, 'create partnership Medway Community Safety Partnership (Medway CSP)', admin);
    expect(partnershipAt(dir, personal)).to.equal('kent-csp');
    dir.memberships['aad-sam'] = { seenIn: ['medway-csp'] };
    expect(partnershipAt(dir, personal)).to.equal('medway-csp');
    dir.memberships['aad-sam'] = { seenIn: ['medway-csp', 'kent-csp'] };
    expect(partnershipAt(dir, personal)).to.contain('You work with 2 partnerships: KCSP, Medway CSP');
    expect(run(dir, 'use Medway CSP', sam, personal).summary).to.equal(
      "I'll answer you here from the Medway Community Safety Partnership.",
    );
    expect(partnershipAt(dir, personal)).to.equal('medway-csp');
    expect(run(dir, 'use Medway CSP', sam, channel('19:kent-1')).kind).to.equal('invalid');
  });

  it('refuses a choice of a partnership the member is not known in', () => {
    const dir = directory();
    run(dir, 'create partnership Medway Community Safety Partnership (Medway CSP)', admin);
    expect(run(dir, 'use Medway CSP', sam, personal).summary).to.contain(
      'You are not a member of the Medway CSP that I know of',
    );
    expect(dir.memberships).to.deep.equal({});
  });

  it('grants roles in a named partnership, logged and undoable by an admin only', () => {
    const dir = directory();
    run(dir, 'create partnership Medway Community Safety Partnership (Medway CSP)', admin);
    const grant = {
      ...input(dir, 'make Sam Member secretariat of Medway CSP', admin, channel('19:kent-1')),
      mentions: [{ id: '29:sam', name: 'Sam Member' }],
    };
    const outcome = runCommand(dir.partnerships['kent-csp']!, grant)!;
    expect(outcome.partnershipId).to.equal('medway-csp');
    outcome.change!(dir.partnerships['medway-csp']!);
    expect(dir.partnerships['medway-csp']?.roles.map((r) => r.role)).to.deep.equal(['secretariat']);
    expect(dir.partnerships['kent-csp']?.roles).to.deep.equal([]);
    // Sam is now known in Medway; their personal chat answers from it.
    expect(partnershipAt(dir, personal)).to.equal('medway-csp');
    const medwayChannel = channel('19:medway-1', '19:team-m');
    run(dir, 'link this channel to Medway CSP', admin, medwayChannel);
    // "undo" undoes the member's own latest change: Sam has made none; the admin's latest in Medway is the link.
    expect(run(dir, 'undo', sam, medwayChannel).summary).to.contain('You have made no change to the Medway CSP');
    expect(dir.partnerships['medway-csp']?.channels).to.have.length(1);
    // An admin belongs to no partnership: they choose one for their personal chat.
    const adminChat = { ...personal, conversationId: 'a:personal-admin', userId: '29:admin' };
    run(dir, 'use Medway CSP', admin, adminChat);
    expect(run(dir, 'undo', admin, adminChat).summary).to.contain('Undone: "19:medway-1" linked');
    expect(dir.partnerships['medway-csp']?.channels).to.deep.equal([]);
    expect(run(dir, 'undo', admin, adminChat).summary).to.contain('Undone: Sam Member made secretariat');
    expect(dir.partnerships['medway-csp']?.roles).to.deep.equal([]);
  });

  it('undoes the creation of a partnership that holds nothing yet', () => {
    const dir = directory();
    run(dir, 'create partnership Medway Community Safety Partnership (Medway CSP)', admin);
    dir.memberships['aad-admin'] = { seenIn: [], chosen: 'medway-csp' };
    expect(run(dir, 'undo', admin, { ...personal, userId: 'aad-admin' }).summary).to.contain(
      'Undone: Medway Community Safety Partnership created',
    );
    expect(Object.keys(dir.partnerships)).to.deep.equal(['kent-csp']);
  });
});
