-- R__views.sql
-- Repeatable: Flyway re-applies this file whenever its checksum changes,
-- always after all versioned migrations.

CREATE OR REPLACE VIEW room_utilisation AS
SELECT
    r.id    AS room_id,
    r.name  AS room_name,
    date_trunc('week', b.starts_at) AS week,
    count(b.id) AS booking_count,
    sum(extract(epoch FROM (b.ends_at - b.starts_at)) / 3600.0) AS booked_hours
FROM rooms r
LEFT JOIN bookings b ON b.room_id = r.id
GROUP BY r.id, r.name, date_trunc('week', b.starts_at);

CREATE OR REPLACE VIEW upcoming_bookings AS
SELECT b.id, b.title, b.starts_at, b.ends_at, r.name AS room_name, a.email AS account_email
FROM bookings b
JOIN rooms r ON r.id = b.room_id
LEFT JOIN accounts a ON a.id = b.account_id
WHERE b.starts_at >= now();
