// 性别与出生日期 (SUPERVISION_CONTRACT.md, SUPERVISION_RULES.md §2): the registered facts the 事中
// rules F-02 (限性别) and F-03 (限年龄) read. Optional: a person registered without them has the
// rules not judged for them (a 未适用 event), never refused on a guess.
export const name = 'person_sex_birth';

export const sql = `
ALTER TABLE persons
  ADD COLUMN sex text CHECK (sex IN ('male', 'female')),
  ADD COLUMN birth_date date;
`;
