import { expect } from 'chai';
import type { CommandInput } from '../../../src/core/commands/command.js';
import { runCommand } from '../../../src/turns/record-commands.js';
import type { ConversationRef, Partnership } from '../../../src/core/model/model.js';
import type { Actor } from '../../../src/core/model/permissions.js';
import { kentWith } from '../../helpers/kent.js';

const now = new Date('2026-11-24T10:00:00Z');
const chair: Actor = { id: 'aad-chair', ids: ['aad-chair'], name: 'Harry Hill', isAdmin: false };
const member: Actor = { id: 'aad-m', ids: ['aad-m'], name: 'Sam Member', isAdmin: false };
const channel: ConversationRef = {
  conversationId: '19:abc@thread.tacv2',
  serviceUrl: 'https://smba.example/uk/',
  channelId: 'msteams',
  conversationType: 'channel',
  botId: '28:bot',
  teamName: 'Kent CSP',
  channelName: 'Meetings',
};
const kent = (): Partnership => kentWith([{ userId: 'aad-chair', name: 'Harry Hill', role: 'chair' }]);
const input = (text: string, actor: Actor, conversation: ConversationRef | undefined = channel): CommandInput => ({
  text,
  mentions: [],
  actor,
  now,
  ...(conversation ? { conversation } : {}),
});

describe('linking channels', () => {
  it("lets the chair link the channel they write in, by any form of the partnership's name, and unlink it", () => {
    const partnership = kent();
    for (const text of ['link this channel to Kent CSP', 'link channel to the KCSP', 'link this channel']) {
      const outcome = runCommand(kent(), input(text, chair))!;
      expect(outcome.answer.summary, text).to.equal(
        '"Meetings" in Kent CSP is now linked to the Kent Community Safety Partnership: questions here are answered from it, and its agendas are posted here.',
      );
    }
    runCommand(partnership, input('link this channel to Kent CSP', chair))!.change!(partnership);
    expect(partnership.channels).to.deep.equal([{ ref: channel, linkedBy: 'Harry Hill', linkedAt: now.toISOString() }]);
    expect(runCommand(partnership, input('link this channel', chair))!.answer.summary).to.contain('already linked');
    expect(runCommand(partnership, input('which channels are linked?', member))!.answer.entries[0]?.heading).to.equal(
      'Kent CSP / Meetings',
    );
    runCommand(partnership, input('unlink this channel', chair))!.change!(partnership);
    expect(partnership.channels).to.deep.equal([]);
  });

  it('refuses a member, a chat, and a partnership it does not serve', () => {
    expect(runCommand(kent(), input('link this channel', member))!.answer.kind).to.equal('refused');
    expect(
      runCommand(kent(), input('link this channel', chair, { ...channel, conversationType: 'personal' }))!.answer
        .summary,
    ).to.contain('Write this in the team channel');
    expect(runCommand(kent(), input('link this channel to Medway CSP', chair))!.answer.summary).to.contain(
      'I don\'t know a partnership called "Medway CSP"',
    );
  });
});
