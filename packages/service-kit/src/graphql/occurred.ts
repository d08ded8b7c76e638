/**
 * How every mutation that records a happening describes its moment argument: when it happened,
 * kept apart from when it was recorded (DESIGN.md section 3, the record as it happened; the rule
 * itself is `occurredAt` in the kit's domain).
 */
export const OCCURRED_AT =
  'When it happened (default now; not in the future, nor before what it follows). When it was recorded is the server clock.';
