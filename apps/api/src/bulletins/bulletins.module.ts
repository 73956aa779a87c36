import { Module } from '@nestjs/common';
import { BulletinPacks } from './bulletin-packs';
import { BulletinsController } from './bulletins.controller';
import { BulletinScorecards } from './bulletin-scorecard';

@Module({ controllers: [BulletinsController], providers: [BulletinPacks, BulletinScorecards] })
export class BulletinsModule {}
