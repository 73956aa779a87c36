/** `npm run start:projector`: the projection daemon alone, one runner per read model. */
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { databaseSchema } from '@projections/index';
import { Projector } from '@libs/projection/projector';
import { runService } from '@libs/runtime';
import { projections } from '@projections/index';

runService({
  name: 'family-ledger projector',
  schema: databaseSchema,
  compose: async (runtime) => {
    const projector = new Projector(projections, runtime.eventStore, runtime.dataSource, runtime.config.projector);
    projector.start();
    new Logger('family-ledger').log(`projector: running ${projections.length} projection(s)`);
    return [projector];
  },
});
