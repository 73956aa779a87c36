/** Names of the reference data in Chinese and English, for every signed-in role (no personal data, no place). */
import { Controller, Get, Module, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Language, NamedItem, referenceNames } from '@libs/reference-data/names';
import { CalendarController } from './calendar.controller';
import { NamesQueryDto, OrgUnitListDto, OrgUnitQueryDto, ReferenceCatalogueDto } from './reference.dto';

function labelled<T extends NamedItem>(items: readonly T[], lang: Language | undefined): (T & { label?: string })[] {
  return lang === undefined ? [...items] : items.map((item) => ({ ...item, label: item.name[lang] }));
}

@ApiTags('reference data')
@Controller()
export class ReferenceController {
  @Get('org-units')
  @ApiOperation({ summary: 'The org-unit tree (city → district → township → village), or the units matching q' })
  @ApiOkResponse({ type: OrgUnitListDto })
  orgUnits(@Query() { q, lang }: OrgUnitQueryDto): OrgUnitListDto {
    return { items: labelled(referenceNames.searchOrgUnits(q), lang) };
  }

  @Get('reference-data')
  @ApiOperation({ summary: 'Categories, focus areas, departments, service types, need kinds and loan programmes with their names' })
  @ApiOkResponse({ type: ReferenceCatalogueDto })
  catalogue(@Query() { lang }: NamesQueryDto): ReferenceCatalogueDto {
    const entries = Object.entries(referenceNames.catalogue).map(([kind, items]) => [kind, labelled(items, lang)]);
    return Object.fromEntries(entries) as unknown as ReferenceCatalogueDto;
  }
}

@Module({ controllers: [ReferenceController, CalendarController] })
export class ReferenceModule {}
