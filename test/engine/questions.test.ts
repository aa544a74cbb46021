import { questionFor } from '../../src/engine/questions';
import { testSettings } from '../support/harness';

const { budget } = testSettings();

describe('questionFor', () => {
  it('asks each field with its rule in the words', () => {
    expect(questionFor('campaign_name', {}, budget).text).toBe(
      'What should the campaign be called? (at least 3 characters)',
    );
    expect(questionFor('objective_type', {}, budget)).toMatchObject({
      examples: ['Traffic', 'Conversions'],
    });
    expect(questionFor('ad_text', {}, budget).text).toContain('1 to 100 characters');
    expect(questionFor('budget', {}, budget).text).toBe('What daily budget, in USD? (20 to 1000)');
    expect(questionFor('landing_page_url', {}, budget).examples).toEqual([
      'https://example.com/offer',
    ]);
  });

  it('offers "no music" only where the rules allow it (Traffic)', () => {
    const traffic = questionFor('music', { objective_type: 'TRAFFIC' }, budget);
    expect(traffic.text).toContain('say "no music"');
    expect(traffic.examples).toEqual(['Use music_123', 'No music needed']);
    const conversions = questionFor('music', { objective_type: 'WEB_CONVERSIONS' }, budget);
    expect(conversions.text).not.toContain('say "no music"');
    expect(conversions.text).toContain('(Conversions ads need music.)');
    expect(conversions.examples).toEqual(['Use music_123']);
  });

  it('tells each platform how to upload its own way', () => {
    expect(questionFor('music', {}, budget, [], 'console').text).toContain(
      'type /upload path/to/track.mp3',
    );
    expect(questionFor('music', {}, budget, [], 'slack').text).toContain(
      'attach the MP3 (at most 10 MB)',
    );
  });

  it('asks for a video or images by the format, with the library options as examples', () => {
    const video = questionFor(
      'media',
      { music: { kind: 'none' } },
      budget,
      ['#1 clip.mp4'],
      'discord',
    );
    expect(video.text).toMatch(/^Which video from your TikTok library\?/);
    expect(video.text).toContain('attach the MP4 or MOV video');
    expect(video.examples).toEqual(['#1 clip.mp4']);
    expect(
      questionFor('media', { music: { kind: 'existing', music_id: 'm' } }, budget).text,
    ).toMatch(/^Which images .* \(1 to 35, in order\)/);
  });
});
