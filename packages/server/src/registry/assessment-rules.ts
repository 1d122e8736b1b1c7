// How the agency scores an agreement's assessment (考核计分) and what each credit rating means
// (R-A7, R-A8; the indicators scored are R-F2's). The documents leave these to the agency; this is the demo agency's scheme, kept in
// one place so it can move into the region's policy files when a second agency needs another.
export const ASSESSMENT_RULES = {
  fullScore: 100,
  perUnmetIndicator: 15, // 每项协议指标未达标扣分
  perSubstantiatedComplaint: 5, // 每件查实的举报投诉扣分
  complaintCap: 20, // 举报投诉扣分上限
  lowSatisfaction: 10, // 满意度低于协议下限扣分
  ratings: [
    {
      rating: 'A',
      min: 90,
      consequence: '信用优秀：简化审核，公开表扬；质量保证金全额返还',
      depositReturnPercent: 100,
    },
    {
      rating: 'B',
      min: 75,
      consequence: '信用良好：常规审核；质量保证金全额返还',
      depositReturnPercent: 100,
    },
    {
      rating: 'C',
      min: 60,
      consequence: '信用一般：从严审核，限期整改；质量保证金返还一半',
      depositReturnPercent: 50,
    },
    {
      rating: 'D',
      min: 0,
      consequence: '信用较差：建议终止协议，必要时取消定点资格（R-A9）；质量保证金不予返还',
      depositReturnPercent: 0,
    },
  ],
} as const;

export type Rating = (typeof ASSESSMENT_RULES.ratings)[number]['rating'];

export function ratingFor(score: number): (typeof ASSESSMENT_RULES.ratings)[number] {
  const found = ASSESSMENT_RULES.ratings.find((r) => score >= r.min);
  if (!found) throw new Error(`no rating for score ${score}`);
  return found;
}
