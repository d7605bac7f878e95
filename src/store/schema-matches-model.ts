/**
 * The store's zod schemas and the domain's model types describe the same shapes: the compiler
 * checks here that each is exactly the other (a field added to one and not the other fails
 * `npm run typecheck`). Nothing here runs.
 */
import type { z } from 'zod';
import type { Action } from '../core/model/action-model.js';
import type { ConversationRef, Partnership, PartnershipDirectory } from '../core/model/model.js';
import type { actionSchema } from './action-journal.js';
import type { partnershipSchema, storeSchema } from './schema.js';

/** `true` only when A and B are the same type, to every optional field (not just assignable). */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

type Expect<T extends true> = T;

export type SchemaMatchesModel = [
  Expect<Same<z.infer<typeof partnershipSchema>, Partnership>>,
  // The store also keeps its version and the conversations the bot was told about.
  Expect<Same<Omit<z.infer<typeof storeSchema>, 'version' | 'conversations'>, PartnershipDirectory>>,
  Expect<Same<z.infer<typeof storeSchema>['conversations'][number], ConversationRef>>,
  Expect<Same<z.infer<typeof actionSchema>, Action>>,
];
