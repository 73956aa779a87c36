import { Module } from '@nestjs/common';
import { BulletinPacks } from './bulletin-packs';
import { BulletinsController } from './bulletins.controller';

@Module({ controllers: [BulletinsController], providers: [BulletinPacks] })
export class BulletinsModule {}
