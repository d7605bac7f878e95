import { expect } from 'chai';
import type { CommandInput } from '../../../src/core/commands/command.js';
import { runCommand } from '../../../src/turns/record-commands.js';
import type { Partnership } from '../../../src/core/model/model.js';
import { may, type Actor } from '../../../src/core/model/permissions.js';
import { kentWith } from '../../helpers/kent.js';

const now = new Date('2026-11-24T10:00:00Z');
const admin: Actor = { id: 'aad-admin', ids: ['aad-admin', '29:admin'], name: 'Ada Admin', isAdmin: true };
const member: Actor = { id: 'aad-m', ids: ['aad-m', '29:m'], name: 'Sam Member', isAdmin: false };
const anna = { id: '29:anna', name: 'Anna Taylor' };
const kent = (): Partnership => kentWith();
const input = (text: string, actor: Actor, mentions = [anna]): CommandInput => ({ text, mentions, actor, now });

describe('granting roles from chat', () => {
  it('lets an admin make a mentioned member secretariat, who may then record resolutions', () => {
    const partnership = kent();
    const outcome = runCommand(partnership, input('make Anna Taylor secretariat', admin))!;
    expect(outcome.answer.summary).to.equal('Anna Taylor is now secretariat of the KCSP.');
    outcome.change!(partnership);
    expect(partnership.roles).to.deep.equal([
      {
        userId: '29:anna',
        name: 'Anna Taylor',
        role: 'secretariat',
        grantedBy: 'Ada Admin',
        grantedAt: now.toISOString(),
      },
    ]);
    const anna2: Actor = { id: 'aad-anna', ids: ['aad-anna', '29:anna'], name: 'Anna Taylor', isAdmin: false };
    expect(may(partnership, anna2, 'record-resolutions')).to.equal(true);
  });

  it('changes a role and says what it was', () => {
    const partnership = kent();
    runCommand(partnership, input('make Anna Taylor secretariat', admin))!.change!(partnership);
    const outcome = runCommand(partnership, input('appoint Anna Taylor as chair', admin))!;
    expect(outcome.answer.summary).to.contain('now chair of the KCSP (was secretariat)');
    outcome.change!(partnership);
    expect(partnership.roles.map((r) => r.role)).to.deep.equal(['chair']);
  });

  it('refuses a member who is not an admin', () => {
    const outcome = runCommand(kent(), input('make Anna Taylor chair', member))!;
    expect(outcome.answer.kind).to.equal('refused');
    expect(outcome.answer.summary).to.contain('only an admin');
    expect(outcome.change).to.equal(undefined);
  });

  it('asks for an @mention rather than guess who', () => {
    const outcome = runCommand(kent(), input('make Anna secretariat', admin, []))!;
    expect(outcome.answer.kind).to.equal('invalid');
    expect(outcome.answer.summary).to.contain('@mention');
    expect(outcome.change).to.equal(undefined);
  });

  it('removes a role, and lists who has roles', () => {
    const partnership = kent();
    runCommand(partnership, input('make Anna Taylor officer', admin))!.change!(partnership);
    expect(runCommand(partnership, input('who has roles?', member, []))!.answer.entries[0]?.text).to.contain(
      'Anna Taylor',
    );
    const outcome = runCommand(partnership, input('remove role from Anna Taylor', admin))!;
    outcome.change!(partnership);
    expect(partnership.roles).to.deep.equal([]);
  });

  it('leaves questions and other commands alone', () => {
    expect(runCommand(kent(), input('who leads road safety?', member, []))).to.equal(null);
    expect(runCommand(kent(), input('remove the chairs from the room', admin, []))).to.equal(null);
  });
});
