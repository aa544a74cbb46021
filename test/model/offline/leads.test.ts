import {
  leadIn,
  looseGoal,
  nameIn,
  onlyGoal,
  parses,
  plausibleName,
} from '../../../src/model/offline/leads';

describe('leadIn', () => {
  it('reads a label and where its value starts', () => {
    expect(leadIn('name Spring Sale')).toEqual({
      kind: 'label',
      field: 'campaign_name',
      valueStart: 5,
      delimited: false,
      correction: false,
    });
    expect(leadIn('the campaign name is Big Boots')).toEqual({
      kind: 'label',
      field: 'campaign_name',
      valueStart: 21,
      delimited: true,
      correction: false,
    });
    expect(leadIn('budget 50')).toMatchObject({ field: 'budget', valueStart: 7 });
  });

  it('drops an undelimited label of a shaped field when no value of it follows', () => {
    expect(leadIn('budget lots')).toBeNull();
  });
});

describe('nameIn', () => {
  it.each([
    ['a campaign called Spring Sale', 'Spring Sale'],
    ["it's for our Spring Denim launch", 'Spring Denim'],
    ['launching our Puppy Picks', 'Puppy Picks'],
    ['an ad for my bakery Sweet Crumbs', 'Sweet Crumbs'],
    ['Boot Week campaign', 'Boot Week'],
  ])('%s → %s', (part, name) => expect(nameIn(part)?.name).toBe(name));

  it('finds no name in a goal or plain words', () => {
    expect(nameIn('traffic campaign')).toBeNull();
    expect(nameIn('hello')).toBeNull();
  });
});

describe('onlyGoal / looseGoal', () => {
  it('is true when the text says nothing but a goal', () => {
    expect(onlyGoal('traffic')).toBe(true);
    expect(onlyGoal('more sales please')).toBe(true);
    expect(onlyGoal('traffic, budget 50')).toBe(false);
    expect(onlyGoal('hello')).toBe(false);
  });

  it('reads typos as Traffic or Conversions only', () => {
    expect(looseGoal('make it trafic')).toMatchObject({ value: 'traffic' });
    expect(looseGoal('make it reach')).toBeNull();
  });
});

describe('parses', () => {
  it.each([
    ['budget', '50', true],
    ['budget', 'lots', false],
    ['landing_page_url', 'shop.example.com', true],
    ['call_to_action', 'shop now', true],
    ['objective', 'traffic', true],
  ] as const)('%s %s → %s', (field, value, ok) => expect(parses(field, value)).toBe(ok));
});

describe('plausibleName', () => {
  it('accepts words of a name and refuses a greeting, an address or a number', () => {
    expect(plausibleName('Spring Sale')).toBe(true);
    expect(plausibleName('hi')).toBe(false);
    expect(plausibleName('https://x.com')).toBe(false);
    expect(plausibleName('50')).toBe(false);
  });
});
