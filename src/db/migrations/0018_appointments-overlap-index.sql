-- Which live appointments overlap a window (slot search, the booking check): answered by a GiST index on
-- the booked range, instead of a btree range scan over every appointment that starts before the window ends.
CREATE INDEX appointments_live_during ON appointments USING gist (clinic_id, tstzrange(starts_at, ends_at, '[)'))
  WHERE status NOT IN ('cancelled', 'no_show');
