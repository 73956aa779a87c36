import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { ROLES } from '@libs/auth';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, USERNAME } from '@libs/accounts';

export class SignInDto {
  @ApiProperty({ example: 'wang', maxLength: 100 })
  @IsString()
  @MaxLength(100)
  username!: string;

  @ApiProperty({ format: 'password', maxLength: MAX_PASSWORD_LENGTH })
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password!: string;
}

export class SessionUserDto {
  @ApiProperty({ example: 'wang' }) username!: string;
  @ApiProperty({ example: '王丽' }) displayName!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: string[];
  @ApiProperty({ example: '640104', description: 'Org unit the user is scoped to (its subtree)' }) ou!: string;
  @ApiPropertyOptional({ example: 'health', description: 'Department, for providers' }) department?: string;
}

export class SessionDto {
  @ApiProperty({ type: SessionUserDto }) user!: SessionUserDto;
  @ApiProperty({ description: 'Send as X-CSRF-Token on every cookie-authenticated request other than GET, HEAD and OPTIONS' })
  csrfToken!: string;
}

export class UserDto extends SessionUserDto {
  @ApiProperty() disabled!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class UserListDto {
  @ApiProperty({ type: UserDto, isArray: true }) items!: UserDto[];
}

export class PasswordDto {
  @ApiProperty({ format: 'password', minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH })
  @IsString()
  @Length(MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH)
  password!: string;
}

export class NewUserDto extends PasswordDto {
  @ApiProperty({ example: 'wang', pattern: USERNAME.source })
  @IsString()
  @Matches(USERNAME, { message: 'username must be 2 to 40 lower-case letters, digits, ".", "_" or "-", starting with a letter or digit' })
  username!: string;

  @ApiPropertyOptional({ example: '王丽', maxLength: 80 })
  @IsOptional()
  @IsString()
  @Length(1, 80)
  displayName?: string;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['analyst'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true })
  roles!: string[];

  @ApiProperty({ example: '640104', description: 'Org-unit code (GET /org-units)' })
  @IsString()
  @Matches(/^\d{6}(\d{3}(\d{3})?)?$/, { message: 'ou must be an org-unit code of 6, 9 or 12 digits' })
  ou!: string;

  @ApiPropertyOptional({ example: 'health', description: 'Department code (GET /reference-data), required for providers' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9-]{1,40}$/, { message: 'department must be a department code' })
  department?: string;
}

export class UsernameParams {
  @ApiProperty({ example: 'wang', pattern: USERNAME.source })
  @IsString()
  @Matches(USERNAME, { message: 'username is not a valid username' })
  username!: string;
}
