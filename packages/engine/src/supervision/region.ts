// The compiled region gains its `supervision` part (docs/engine.md § Policy parts: "a new field of the
// compiled region"). Declared here, beside the part, so the part is one folder; it can move into
// policy-compiler/types.ts whenever that file is next edited.
import type { SupervisionLibrary } from './types.js';

declare module '../policy-compiler/types.js' {
  interface RegionPolicy {
    /** The supervision rule library (SUPERVISION_RULES.md); empty when the region has no such files. */
    readonly supervision: SupervisionLibrary;
  }
}

export type { SupervisionLibrary };
