import { leadOf } from '../../../src/model/offline/labels';

/** The lead of `text` with the value it points at, instead of an offset. */
function read(text: string) {
  const lead = leadOf(text);
  if (!lead) return null;
  const value = text.slice(lead.valueStart);
  return lead.kind === 'label'
    ? { field: lead.field, value, delimited: lead.delimited, correction: lead.correction }
    : { value, correction: lead.correction };
}

describe('leadOf', () => {
  it.each([
    ['rename it to Taco Tuesday', 'Taco Tuesday', true],
    ["let's call it Summer", 'Summer', false],
    ['actually call it X', 'X', true],
  ])('a rename: %s', (text, value, correction) => {
    expect(read(text)).toEqual({ field: 'campaign_name', value, delimited: true, correction });
  });

  it.each([
    ['change the budget to 80', 'budget', '80'],
    ['change budgt to 5', 'budget', '5'],
    ['set the cta to Shop now', 'call_to_action', 'Shop now'],
    ['change campaign name: X', 'campaign_name', 'X'],
  ])('a verb and a label (typos too): %s', (text, field, value) => {
    expect(read(text)).toEqual({ field, value, delimited: true, correction: true });
  });

  it.each([
    ['change it to 80', '80'],
    ['switch to conversions', 'conversions'],
    ['make it 45 a day', '45 a day'],
    ['how about traffic', 'traffic'],
    ['go with conversions', 'conversions'],
    ['no wait, 60', '60'],
    ['actually traffic', 'traffic'],
  ])('a value that replaces one said before: %s', (text, value) => {
    expect(read(text)).toEqual({ value, correction: true });
  });

  it.each([
    ['budget: 50', 'budget', '50', true, false],
    ['the text is hello', 'ad_text', 'hello', true, false],
    ['plus a budget of 70', 'budget', '70', true, false],
    ['with the text Relax like the tide', 'ad_text', 'Relax like the tide', false, false],
    ['the button Shop Now', 'call_to_action', 'Shop Now', false, false],
    ['ok then budget 40', 'budget', '40', false, false],
    ['sorry, the campaign is Fall', 'campaign_name', 'Fall', true, true],
  ])('a label on its own: %s', (text, field, value, delimited, correction) => {
    expect(read(text)).toEqual({ field, value, delimited, correction });
  });

  it.each(['hello there', 'use music_456 instead', 'make that'])(
    'no label or correction in front: %s',
    (text) => {
      expect(leadOf(text)).toBeNull();
    },
  );
});
