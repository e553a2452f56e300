import { describe, expect, it } from 'vitest';
import { authPlan } from '../../../../../service/routes/mail/auth.js';
import { offeredMechanisms } from '../../../../../service/routes/mail/smtp-session.js';

describe('SMTP authentication plan', () => {
  it('CRAM-MD5, then LOGIN, then PLAIN, whatever order they are checked or offered in', () => {
    expect(authPlan(['PLAIN', 'LOGIN', 'CRAM-MD5'], ['PLAIN', 'LOGIN', 'CRAM-MD5'])).toEqual(['CRAM-MD5', 'LOGIN', 'PLAIN']);
  });
  it('skips what the server does not offer, and what is not checked', () => {
    expect(authPlan(['CRAM-MD5', 'LOGIN', 'PLAIN'], ['PLAIN', 'LOGIN'])).toEqual(['LOGIN', 'PLAIN']);
    expect(authPlan(['PLAIN'], ['CRAM-MD5', 'PLAIN'])).toEqual(['PLAIN']);
    expect(authPlan(['CRAM-MD5'], ['LOGIN', 'PLAIN', 'GSSAPI'])).toEqual([]);
  });
  it('reads the AUTH line of an EHLO reply, also the old AUTH= form, case-blind', () => {
    const ehlo = '250-mail.example.jp Hello\n250-PIPELINING\n250-AUTH PLAIN login CRAM-MD5\n250-AUTH=LOGIN\n250 8BITMIME';
    expect(offeredMechanisms(ehlo)).toEqual(['PLAIN', 'LOGIN', 'CRAM-MD5']);
    expect(offeredMechanisms('250-mail.example.jp\r\n250 SIZE 10240000')).toEqual([]);
  });
});
