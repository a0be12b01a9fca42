// Each import registers its types and fields on the one builder; the order only matters for the SDL's layout.
import './scalars';
import './customer';
import './order';
import './interaction';
import './ingest';
import './subscription';
import './sentiment';
import './rfm';
import './cohort';
import './segment-map';
import './segment-migration';
import './embed-token';
import './community';
import './community-roles';
import './influence';
import './network';
import './network-edges';
import './ego-network';
import './evolution';
import { builder } from './builder';

export const schema = builder.toSchema({ sortSchema: true });
export type { Context, RapportPubSub, RapportEvents } from './context';
