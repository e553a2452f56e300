/**
 * The window's first answer in its page (issue 16): `serve` streams the windowLoad HostReply into the page a session GET
 * gets, in a non-executed `<script type="application/json">` with this id; renderer/first-answer.ts takes it once.
 */
export const FIRST_ANSWER_ID = 'express-report-first-answer';
