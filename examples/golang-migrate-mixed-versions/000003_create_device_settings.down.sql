DROP TABLE IF EXISTS device_settings;
