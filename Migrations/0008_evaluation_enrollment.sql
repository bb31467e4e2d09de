-- Speaker enrolment in evaluations (`ser evaluate --enroll-clips N`): a per-speaker run
-- normalises each speaker with the statistics of N of that speaker's clips (chosen with
-- enroll_seed), as a deployed model gets them from a new speaker's first recordings; those
-- clips are not scored. NULL: every clip of the speaker gave its statistics (or the run does
-- not normalise per speaker).
ALTER TABLE evaluations ADD COLUMN enroll_clips INTEGER CHECK (enroll_clips IS NULL OR enroll_clips >= 1);
ALTER TABLE evaluations ADD COLUMN enroll_seed INTEGER;
