import { Controller, Get } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { asyncApiDocument } from '@libs/event-schemas/asyncapi';

/** The AsyncAPI 3 document of the feed, consumer groups and relay subjects; open, like /openapi.json. */
@ApiExcludeController()
@Controller()
export class AsyncApiController {
  private readonly document = asyncApiDocument(process.env.npm_package_version ?? '0.1.0');

  @Get('asyncapi.json')
  asyncapi(): object {
    return this.document;
  }
}
