import { mdSafe } from '../../adapters/discord/markdown';
import { cutText, splitText } from '../../adapters/shared/cut';
import { mrkdwnSafe } from '../../adapters/slack/mrkdwn';

describe('cutting escaped text', () => {
  it('cuts with … and never inside an entity, a backslash escape or an emoji', () => {
    expect(cutText('abcdef', 6)).toBe('abcdef');
    expect(cutText('abcdef', 4)).toBe('abc…');
    expect(cutText('ab&amp;cd', 5, mrkdwnSafe)).toBe('ab…');
    expect(cutText('ab\\*cd', 4, mdSafe)).toBe('ab…');
    expect(cutText('ab\\\\cd', 5, mdSafe)).toBe('ab\\\\…');
    expect(cutText('ab😀cd', 4)).toBe('ab…');
  });

  it('splits into pieces that hold everything, at line ends or spaces when it can', () => {
    const text = `${'word '.repeat(30)}\n${'&amp;'.repeat(40)}`;
    const pieces = splitText(text, 50, mrkdwnSafe);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(50);
    for (const p of pieces) expect(p).toMatch(/^(?:[^&]|&amp;)*$/);
    expect(pieces.join('').replace(/\n/g, '')).toBe(text.replace(/\n/g, ''));
    expect(splitText('', 10)).toEqual(['']);
  });
});
