// SQL fragments about agreements shared by the published list and the settlement's facts.

/** SQL: true when institution `inst` has an active agreement on `day` (both SQL expressions). */
export function agreementActiveSql(inst: string, day: string): string {
  return `EXISTS (SELECT 1 FROM agreements a WHERE a.institution_id = ${inst} AND ${day} BETWEEN a.valid_from AND a.valid_to
    AND (SELECT c.state FROM agreement_state_changes c WHERE c.agreement_id = a.id AND c.effective_on <= ${day}
         ORDER BY c.effective_on DESC, c.seq DESC LIMIT 1) = 'active')`;
}
