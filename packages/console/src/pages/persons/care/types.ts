// What every care form is given: the person, their record as it stands, and how it closes.
import type { CareRecord } from '@yibao/api';

export interface CareFormProps {
  personId: string;
  care: CareRecord | undefined;
  open: boolean;
  onDone: () => void;
  onCancel: () => void;
}

/** The year an officer is most likely recording for. */
export const thisYear = (): number => new Date().getFullYear();
