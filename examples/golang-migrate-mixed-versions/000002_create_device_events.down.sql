DROP TABLE IF EXISTS device_events;
