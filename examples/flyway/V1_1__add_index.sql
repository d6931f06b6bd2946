-- V1_1__add_index.sql
-- Calendar view queries bookings by room and time window; this was a seq scan.
CREATE INDEX bookings_room_id_starts_at_idx ON bookings (room_id, starts_at);
