/**
 * The privacy notice and terms of use the Teams manifest points at (/privacy, /terms). Short and
 * true to what the code does: what the bot stores, where, for how long and who can see it. The
 * deploying organisation is the data controller; the pages say so rather than name one.
 */
const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}h1{font-size:1.6rem}h2{font-size:1.15rem;margin-top:1.5rem}';

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><style>${STYLE}</style></head><body><h1>${title}</h1>${body}</body></html>`;
}

export const PRIVACY_PAGE = page(
  'CSP Assistant: privacy notice',
  `<p>The CSP Assistant is a Microsoft Teams bot and tab run by the organisation that deployed it for its Community Safety Partnership (usually a council). That organisation is responsible for the data; ask its data protection officer about your rights.</p>
<h2>What is stored</h2>
<ul>
<li>The partnership's published records: priorities, leads, meetings, minutes, resolutions and the people named in them (names, roles, organisations).</li>
<li>What members record through the bot: actions (owner, what, due date, who logged or changed it and when), agendas and the answers to them (attending, apologies, substitute, with the member's name), resolutions recorded or corrected, and roles granted (name and Teams/Microsoft Entra ids).</li>
<li>Which Teams channels and chats the bot may post to (their ids), and which partnerships a member has written in (their Microsoft Entra id), so that a partnership's records reach only its members.</li>
</ul>
<p>Questions asked are answered and not kept. The service log has one line per turn (its kind, outcome and timing), never the message text.</p>
<h2>Where</h2>
<p>In one data file on the server the organisation runs the bot on (for example its own Azure App Service), with a journal of actions and daily backups beside it. Messages reach the bot through Microsoft Teams and the Microsoft Bot Framework service.</p>
<h2>For how long</h2>
<p>Records stay until the partnership's chair, secretariat or an administrator changes or removes them, or the organisation deletes the data file. Daily backups are kept for a set number of days (14 unless the organisation changes it) and then deleted.</p>
<h2>Who can see it</h2>
<p>Members of the partnership, in its Teams channels and chats and in the Partnership tab; a partnership's own records only to its members. The chair, secretariat and administrators can change records and export them. The organisation's administrators of the server can read the data file.</p>`,
);

export const TERMS_PAGE = page(
  'CSP Assistant: terms of use',
  `<p>The CSP Assistant is provided by the organisation that deployed it, for the members of its Community Safety Partnership, to find the partnership's priorities, leads, meetings and decisions and to track its actions.</p>
<ul>
<li>Answers come from the partnership's published papers and what members have recorded; each names its source. Check the source before relying on an answer for a decision.</li>
<li>Record only what the partnership would put in its minutes or action log. Do not enter personal data about victims, offenders or cases.</li>
<li>What you record is seen by the partnership's members and kept as described in the <a href="/privacy">privacy notice</a>.</li>
<li>The service is offered as it is, without a promise that it is always available or complete.</li>
</ul>`,
);
