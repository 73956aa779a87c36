import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { LANGUAGES, Language } from '@libs/reference-data/names';

export class NamesQueryDto {
  @ApiPropertyOptional({ enum: LANGUAGES, description: 'Adds `label`, the name in this language, beside both names' })
  @IsOptional()
  @IsIn(LANGUAGES)
  lang?: Language;
}

export class OrgUnitQueryDto extends NamesQueryDto {
  @ApiPropertyOptional({ description: 'Part of the code or of either name, any case ("Xingqing", "兴庆", "640104")', maxLength: 60 })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  q?: string;
}

export class LocalisedNameDto {
  @ApiProperty({ name: 'zh-CN', example: '兴庆区' }) 'zh-CN'!: string;
  @ApiProperty({ example: 'Xingqing District' }) en!: string;
}

export class NamedItemDto {
  @ApiProperty() code!: string;
  @ApiProperty({ type: LocalisedNameDto }) name!: LocalisedNameDto;
  @ApiPropertyOptional({ description: 'The name in the language asked for (with ?lang=)' }) label?: string;
}

export class OrgUnitDto extends NamedItemDto {
  @ApiProperty({ enum: ['city', 'district', 'township', 'village'] }) level!: string;
  @ApiProperty({ type: String, nullable: true, example: '640100' }) parent!: string | null;
}

export class OrgUnitListDto {
  @ApiProperty({ type: OrgUnitDto, isArray: true }) items!: OrgUnitDto[];
}

export class ReferenceCatalogueDto {
  @ApiProperty({ type: NamedItemDto, isArray: true, description: 'Household categories (发展型家庭, ...)' }) categories!: NamedItemDto[];
  @ApiProperty({ type: NamedItemDto, isArray: true, description: 'Focus areas (文明倡导, ...)' }) focusAreas!: NamedItemDto[];
  @ApiProperty({ type: NamedItemDto, isArray: true, description: 'Departments' }) departments!: NamedItemDto[];
  @ApiProperty({ type: NamedItemDto, isArray: true, description: 'Service types, with their focusAreas and departments' })
  serviceTypes!: NamedItemDto[];
  @ApiProperty({ type: NamedItemDto, isArray: true, description: 'Kinds of need' }) needKinds!: NamedItemDto[];
  @ApiProperty({ type: NamedItemDto, isArray: true, description: 'Loan programmes, with their caps (fen), terms and borrower groups' })
  loanPrograms!: NamedItemDto[];
  @ApiProperty({ type: NamedItemDto, isArray: true, description: 'Borrower groups of loans' }) borrowerGroups!: NamedItemDto[];
  @ApiProperty({ type: NamedItemDto, isArray: true, description: 'Answers of a satisfaction survey' })
  satisfactionResponses!: NamedItemDto[];
}
