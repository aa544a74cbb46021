import { OBJECTIVE_LABELS, parseObjective } from '../../src/ad/objective';

// This bot creates only TRAFFIC and WEB_CONVERSIONS campaigns (TikTok "Create a campaign",
// `objective_type`).
describe('OBJECTIVE_LABELS', () => {
  it('names the two objectives as chat says them', () => {
    expect(OBJECTIVE_LABELS).toEqual({ TRAFFIC: 'Traffic', WEB_CONVERSIONS: 'Conversions' });
  });
});

describe('parseObjective', () => {
  it.each([
    ['traffic', 'TRAFFIC'],
    ['TRAFFIC', 'TRAFFIC'],
    ['Clicks', 'TRAFFIC'],
    ['website visits', 'TRAFFIC'],
    ['visitors', 'TRAFFIC'],
    ['drive traffic', 'TRAFFIC'],
    ['traffic to my website', 'TRAFFIC'],
    ['The objective is traffic.', 'TRAFFIC'],
    ['goal: clicks', 'TRAFFIC'],
    ['Conversions', 'WEB_CONVERSIONS'],
    ['conversion', 'WEB_CONVERSIONS'],
    ['WEB_CONVERSIONS', 'WEB_CONVERSIONS'],
    ['web conversions', 'WEB_CONVERSIONS'],
    ['sales', 'WEB_CONVERSIONS'],
    ['sign-ups', 'WEB_CONVERSIONS'],
    ['signups', 'WEB_CONVERSIONS'],
    ['leads', 'WEB_CONVERSIONS'],
    ['an objective of sales!', null],
    // typos within the allowed edits
    ['trafic', 'TRAFFIC'],
    ['convertions', 'WEB_CONVERSIONS'],
    ['conversoin', 'WEB_CONVERSIONS'],
    // other TikTok objectives this bot does not create
    ['reach', null],
    ['app installs', null],
    ['video views', null],
    ['', null],
  ])('%j → %s', (words, objective) => {
    expect(parseObjective(words)).toBe(objective);
  });
});
