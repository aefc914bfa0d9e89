-- How each quote's speaker was found (issue 8): the attribution cue (the sieve and its
-- words, or why there is no speaker), the paragraph the cue stands in, and a transcript
-- label that names a role or team rather than a person ("Race engineer").

ALTER TABLE quotes ADD COLUMN cue TEXT;
ALTER TABLE quotes ADD COLUMN cue_paragraph INTEGER;
ALTER TABLE quotes ADD COLUMN label TEXT;
