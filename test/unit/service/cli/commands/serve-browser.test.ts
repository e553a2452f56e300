import { describe, expect, it } from 'vitest';
import { browserCommand } from '../../../../../service/cli/commands/serve.js';

describe('the browser serve --open starts', () => {
  const url = 'http://127.0.0.1:1/?code=abc';
  it('is $BROWSER when set: the URL as its last argument, or in place of %s', () => {
    expect(browserCommand(url, { BROWSER: '/usr/bin/firefox' }, 'linux')).toEqual(['/usr/bin/firefox', [url]]);
    expect(browserCommand(url, { BROWSER: 'chromium --new-window' }, 'linux')).toEqual(['chromium', ['--new-window', url]]);
    expect(browserCommand(url, { BROWSER: 'w3m %s -no-mouse' }, 'linux')).toEqual(['w3m', [url, '-no-mouse']]);
  });

  it('is the platform opener otherwise', () => {
    expect(browserCommand(url, {}, 'linux')).toEqual(['xdg-open', [url]]);
    expect(browserCommand(url, { BROWSER: '  ' }, 'linux')).toEqual(['xdg-open', [url]]);
    expect(browserCommand(url, {}, 'darwin')).toEqual(['open', [url]]);
    expect(browserCommand(url, {}, 'win32')).toEqual(['cmd', ['/c', 'start', '', url]]);
  });
});
