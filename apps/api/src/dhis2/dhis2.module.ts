import { Module } from '@nestjs/common';
import { Dhis2Controller } from './dhis2.controller';

@Module({ controllers: [Dhis2Controller] })
export class Dhis2Module {}
