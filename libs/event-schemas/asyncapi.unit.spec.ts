import { Parser } from '@asyncapi/parser';
import { EVENT_TYPES } from '../domain/event-types';
import { asyncApiDocument } from './asyncapi';

describe('the AsyncAPI document', () => {
  const document = asyncApiDocument('test');

  it('is valid AsyncAPI 3 by the AsyncAPI parser, without errors', async () => {
    const { document: parsed, diagnostics } = await new Parser().parse(JSON.stringify(document));
    expect(diagnostics.filter((d) => d.severity === 0).map((d) => `${d.path.join('.')}: ${d.message}`)).toEqual([]);
    expect(parsed).toBeDefined();
  }, 60_000);

  it('has a full and a redacted message for every stored event type, and a NATS subject for each', () => {
    const messages = (document.components as { messages: Record<string, unknown> }).messages;
    for (const type of EVENT_TYPES) {
      expect(messages[type]).toBeDefined();
      expect(messages[`${type}Redacted`]).toBeDefined();
    }
    const channels = document.channels as Record<string, { address: string }>;
    expect(channels['nats-HouseholdEnrolled'].address).toBe('family-ledger.household.HouseholdEnrolled.{place}');
  });

  it('leaves the personal fields out of the redacted payloads only', () => {
    const messages = (
      document.components as {
        messages: Record<string, { payload: { properties: { data: { properties: Record<string, unknown>; required?: string[] } } } }>;
      }
    ).messages;
    expect(messages.HouseholdEnrolled.payload.properties.data.properties.head).toBeDefined();
    expect(messages.HouseholdEnrolledRedacted.payload.properties.data.properties.head).toBeUndefined();
    expect(messages.HouseholdEnrolledRedacted.payload.properties.data.required).not.toContain('head');
    expect(messages.NeedRecordedRedacted.payload.properties.data.properties.description).toBeUndefined();
    expect(messages.NeedRecorded.payload.properties.data.properties.description).toBeDefined();
  });
});
