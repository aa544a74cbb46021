import { COMMAND_NAME, tiktokAdCommand } from '../../../adapters/discord/command';

describe('the /tiktok-ad command definition', () => {
  it('is a guild-only chat command with one optional text option within Discord limits', () => {
    const json = tiktokAdCommand();
    expect(json.name).toBe(COMMAND_NAME);
    expect(json.name).toMatch(/^[-_a-z0-9]{1,32}$/);
    expect(json.description.length).toBeGreaterThan(0);
    expect(json.description.length).toBeLessThanOrEqual(100);
    expect(json.contexts).toEqual([0]);
    expect(json.integration_types).toEqual([0]);
    expect(json.options).toHaveLength(1);
    expect(json.options?.[0]).toMatchObject({ type: 3, required: false, max_length: 1000 });
  });
});
