import { RecordedEvent } from '../event-store/event-store.port';
import { keepingJsonText } from '../event-store/json-text';
import { position } from '../event-store/position';
import { publicEventJson, toPublicEvent } from './public-event';

const metadata = {
  actor: 'registrar-7',
  correlationId: 'c',
  causationId: 'k',
  occurredAt: '2026-01-01T00:00:00.000Z',
  recordedAt: '2026-01-01T00:00:01.000Z',
};

const recorded = (type: string, data: RecordedEvent['data']): RecordedEvent => ({
  id: '5b0c1a9e-0000-4000-8000-000000000001',
  stream: 'household-"quoted"\n1',
  revision: 3n,
  position: position(2n ** 60n + 7n, 2n ** 60n + 5n),
  type,
  data,
  metadata: { ...metadata },
  recordedAt: metadata.recordedAt,
  previousHash: '0'.repeat(64),
  hash: 'f'.repeat(64),
});

const enrolmentData = () => ({ householdId: 'h-1', members: 4, head: { name: 'Ma Lan', phone: '13900000000' }, enrolmentYear: 2012 });
const serviceData = () => ({ householdId: 'h-1', focusArea: 'health', amounts: [1, 2.5], note: 'line one\nline two "quoted" 银川' });

/** As the PostgreSQL store reads it: jsonb text (with its spacing), parsed, the text kept. */
function asRead(event: RecordedEvent): RecordedEvent {
  const text = (value: unknown) => JSON.stringify(value).replace(/,"/g, ', "').replace(/":/g, '": ');
  const [dataText, metadataText] = [text(event.data), text(event.metadata)];
  return keepingJsonText({ ...event, data: JSON.parse(dataText), metadata: JSON.parse(metadataText) }, dataText, metadataText);
}

describe('publicEventJson', () => {
  it('is JSON.stringify of the public event, key for key, for events read without their text', () => {
    for (const event of [recorded('HouseholdEnrolled', enrolmentData()), recorded('ServiceDelivered', serviceData())])
      for (const personal of [false, true])
        expect(publicEventJson(event, { personal })).toBe(JSON.stringify(toPublicEvent(event, { personal })));
  });

  it('leaves recordedAt out, as JSON.stringify does, for an event whose metadata had none', () => {
    const event = { ...recorded('ServiceDelivered', serviceData()), recordedAt: undefined as unknown as string };
    expect(publicEventJson(event)).toBe(JSON.stringify(toPublicEvent(event)));
    expect(JSON.parse(publicEventJson(event))).not.toHaveProperty('recordedAt');
  });

  it('escapes every string as JSON.stringify does, whatever characters it holds', () => {
    for (const text of ['plain-1', 'a"b', 'back\\slash', 'tab\tnew\nline\u0001', 'lone \ud800 half', 'pair 😀', 'sep \u2028', '银川'])
      for (const event of [{ ...recorded('ServiceDelivered', serviceData()), stream: text, type: text, id: text }])
        expect(publicEventJson(event)).toBe(JSON.stringify(toPublicEvent(event)));
  });

  it('splices the text read for data and metadata unchanged since, and means the same public event', () => {
    const event = asRead(recorded('ServiceDelivered', serviceData()));
    const json = publicEventJson(event);
    expect(json).toContain('"data":{"householdId": "h-1", "focusArea": "health"');
    expect(json).toContain('"metadata":{"actor": "registrar-7"');
    expect(JSON.parse(json)).toEqual(toPublicEvent(event));
    expect(Object.keys(JSON.parse(json))).toEqual(Object.keys(toPublicEvent(event)));
  });

  it('never sends the text of data that redaction changed: the personal fields stay out', () => {
    const event = asRead(recorded('HouseholdEnrolled', enrolmentData()));
    const json = publicEventJson(event);
    expect(json).not.toContain('Ma Lan');
    expect(json).not.toContain('13900000000');
    expect(JSON.parse(json)).toEqual(toPublicEvent(event));
    expect(JSON.parse(publicEventJson(event, { personal: true }))).toEqual(toPublicEvent(event, { personal: true }));
  });

  it('serialises what a decorator put in place of what was read, not the text read', () => {
    const event = asRead(recorded('ServiceDelivered', serviceData()));
    const changed = { ...event, data: { ...event.data, note: 'decrypted' }, metadata: { ...event.metadata, actor: 'other' } };
    expect(publicEventJson(changed)).toBe(JSON.stringify(toPublicEvent(changed)));
  });
});
