import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { eventSchema, listEventSchemas, schemaPath } from '@libs/event-schemas';
import { ProblemException } from '../http/problem';
import { EventSchemaList, JSON_SCHEMA_DOCUMENT } from './answers.dto';

/** The published JSON Schemas of the stored events: open like the OpenAPI document, they hold no data. */
@ApiTags('schemas')
@Controller('schemas/events')
export class EventSchemasController {
  @Get()
  @ApiOperation({ summary: 'Every stored event type and version with a published JSON Schema' })
  list(): EventSchemaList {
    return {
      schemas: listEventSchemas().map(({ type, version, current }) => ({ type, version, current, href: schemaPath(type, version) })),
    };
  }

  @Get(':type/:version')
  @Header('Content-Type', 'application/schema+json')
  @ApiProduces('application/schema+json')
  @ApiOkResponse({ schema: JSON_SCHEMA_DOCUMENT })
  @ApiOperation({ summary: "The JSON Schema (draft-07) of one stored event type's data, in one version" })
  @ApiParam({ name: 'type', description: 'Stored event type name, e.g. HouseholdEnrolled' })
  @ApiParam({ name: 'version', description: 'Schema version, 1 or more' })
  one(@Param('type') type: string, @Param('version') version: string): object {
    const found = /^[1-9][0-9]{0,3}$/.test(version) ? eventSchema(type, Number(version)) : undefined;
    if (!found)
      throw ProblemException.of(
        404,
        'event-schema-not-found',
        `no published schema for ${type.slice(0, 80)} version ${version.slice(0, 10)}`,
      );
    return found.schema;
  }
}
