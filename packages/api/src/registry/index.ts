// The registry the agency keeps (issue 4): designation, agreements, care relationships,
// assessments, complaints and disclosure.
export * from './agreements.js';
export * from './care.js';
export * from './designation.js';
export * from './supervision.js';
export * from './referrals.js';
