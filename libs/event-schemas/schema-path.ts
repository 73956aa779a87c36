/** Where the API serves an event schema, also the schema's `$id`. */
export const schemaPath = (type: string, version: number) => `/schemas/events/${type}/${version}`;
