/**
 * Checks the reply-text extraction against a card that exercises every place visible text can hide
 * (columns, tables, ShowCard, RichTextBlock, FactSet), because acceptance assertions depend on it
 * seeing exactly the text a user sees — no more (action titles, ids) and no less.
 */
import { expect } from 'chai';
import { normaliseForCompare, replyParts, replyText } from './reply-text.js';
import {
  channelMessage,
  conversationUpdate,
  groupChatMessage,
  invokeAction,
  personalMessage,
} from './teams-activities.js';

const card = {
  type: 'AdaptiveCard',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: 'Priorities', id: 'hidden-id' },
    {
      type: 'ColumnSet',
      columns: [
        { type: 'Column', items: [{ type: 'TextBlock', text: 'Left' }] },
        { type: 'Column', items: [] },
      ],
    },
    {
      type: 'Table',
      rows: [{ type: 'TableRow', cells: [{ type: 'TableCell', items: [{ type: 'TextBlock', text: 'Cell' }] }] }],
    },
    { type: 'RichTextBlock', inlines: ['Plain ', { type: 'TextRun', text: 'run' }] },
    { type: 'FactSet', facts: [{ title: 'Owner', value: 'Police' }] },
    { type: 'Input.Text', id: 'q', placeholder: 'not visible text' },
  ],
  actions: [
    {
      type: 'Action.ShowCard',
      title: 'Sources',
      card: { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'Minutes 2024-03' }] },
    },
    { type: 'Action.Submit', title: 'Not counted', data: { text: 'not visible' } },
  ],
};

describe('reply text', () => {
  it('collects message text and every visible card string in order', () => {
    const activities = [
      { type: 'message', text: 'Here you go' },
      { type: 'typing' },
      { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] },
    ];
    expect(replyParts(activities)).to.deep.equal([
      'Here you go',
      'Priorities',
      'Left',
      'Cell',
      'Plain ',
      'run',
      'Owner',
      'Police',
      'Minutes 2024-03',
    ]);
    expect(replyText(activities).split('\n')).to.have.length(9);
  });

  it('normalises typography for comparison', () => {
    expect(normaliseForCompare('  It\u2019s \u201cDone\u201d\u00a0\u2013 Now\u2014\n\tOK ')).to.equal(
      'it\'s "done" - now- ok',
    );
  });
});

describe('teams activity builders', () => {
  it('shapes a channel message with the at-mention Teams adds', () => {
    const a = channelMessage('hi', { botName: 'CSP Bot', botId: 'b1' });
    expect(a.text).to.equal('<at>CSP Bot</at> hi');
    expect(a.entities?.[0]).to.deep.equal({
      type: 'mention',
      mentioned: { id: '28:b1', name: 'CSP Bot' },
      text: '<at>CSP Bot</at>',
    });
    expect(a.conversation).to.include({ conversationType: 'channel', isGroup: true });
    expect(a.conversation?.id).to.equal(`19:cspChannel00000000000000000000@thread.tacv2;messageid=${a.id}`);
    expect(a.channelData).to.have.nested.property('team.id');
  });

  it('lets callers override identity and produces distinct ids', () => {
    const a = personalMessage('x', { userId: '29:u', tenantId: 't', conversationId: 'a:c' });
    const b = personalMessage('x');
    expect(a.from?.id).to.equal('29:u');
    expect(a.conversation).to.include({ id: 'a:c', tenantId: 't', conversationType: 'personal' });
    expect(a.id).to.not.equal(b.id);
    expect(groupChatMessage('x').conversation?.id).to.match(/@thread\.v2$/);
    expect(invokeAction('v', { k: 1 }).value).to.deep.equal({
      action: { type: 'Action.Execute', verb: 'v', data: { k: 1 } },
      trigger: 'manual',
    });
    expect(conversationUpdate('bot', { kind: 'channel' }).channelData).to.include({ eventType: 'teamMemberAdded' });
  });
});
