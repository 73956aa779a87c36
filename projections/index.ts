/** Every projection the projector runs. */
import { Projection } from '@libs/projection/projection';
import { categoryCountsProjection } from './category-counts/category-counts.projection';

export const projections: readonly Projection[] = [categoryCountsProjection];
